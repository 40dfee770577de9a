using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.History;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// Decides a batch of history figures for one agreement (docs/allocation.md, history and derived
/// amounts): each report is booked, a duplicate or rejected on its own, by the rules of figure reports
/// (reporter, idempotency, revisions), for a covered enterprise, an indicator of the terms and a month
/// of the <see cref="HistoryPeriod"/>, from submission on. History is stored, never allocated.
/// </summary>
internal static class HistoryReporting
{
    public static Decision Decide(AgreementState state, ReportHistory command, Instant now)
    {
        var outcomes = ImmutableArray.CreateBuilder<ReportOutcome>(command.Reports.Length);
        var accepted = ImmutableArray.CreateBuilder<FigureReport>();
        var seen = new Dictionary<string, FigureReport>(StringComparer.Ordinal);
        var latest = new Dictionary<(CreditCode, Indicator, YearMonth), FigureReport>();
        var enterprises = state.Terms.Enterprises.ToDictionary(e => e.Id);
        var period = HistoryPeriod.Of(state.Terms);
        foreach (var report in command.Reports)
        {
            if (state.HistoryReports.TryGetValue(report.ReportId, out var earlier) || seen.TryGetValue(report.ReportId, out earlier))
            {
                outcomes.Add(earlier == report
                    ? new ReportOutcome(report.ReportId, ReportStatus.Duplicate)
                    : Rejected(report, RejectionCode.ReportIdReused, $"reportId '{report.ReportId}' was already used for other content (history of {earlier.Enterprise} {earlier.Indicator} {Months.Format(earlier.Month)} revision {earlier.Revision}).", "reportId"));
                continue;
            }

            var rejection = Check(state, command.By, report, now, period, enterprises, latest);
            if (rejection is not null)
            {
                outcomes.Add(new ReportOutcome(report.ReportId, ReportStatus.Rejected, rejection));
                continue;
            }

            var kept = report with { Enterprise = enterprises[report.Enterprise].Id };
            seen[kept.ReportId] = kept;
            latest[(kept.Enterprise, kept.Indicator, kept.Month)] = kept;
            accepted.Add(kept);
            outcomes.Add(new ReportOutcome(report.ReportId, ReportStatus.Booked));
        }

        var results = outcomes.ToImmutable();
        return accepted.Count == 0
            ? new Decision([], null, results)
            : new Decision([new HistoryReported(state.Id, accepted.ToImmutable(), now, command.By)], null, results);
    }

    private static Rejection? Check(
        AgreementState state,
        Principal by,
        FigureReport report,
        Instant now,
        MonthRange period,
        Dictionary<CreditCode, Terms.CoveredEnterprise> enterprises,
        Dictionary<(CreditCode, Indicator, YearMonth), FigureReport> latest)
    {
        var indicator = report.Indicator;
        if (Principal.ReporterOf(indicator.Family) != by)
        {
            return new Rejection(RejectionCode.Forbidden, $"{indicator.Code} is a {indicator.Family.ToString().ToLowerInvariant()} indicator: only {Principal.ReporterOf(indicator.Family)} reports it.", "indicator");
        }

        if (state.Reports.ContainsKey(report.ReportId) || state.FactorReports.ContainsKey(report.ReportId))
        {
            return new Rejection(RejectionCode.ReportIdReused, $"reportId '{report.ReportId}' was already used for a figure or factor report of agreement {state.Id}.", "reportId");
        }

        if (state.Status is AgreementStatus.Draft or AgreementStatus.Rejected or AgreementStatus.Withdrawn or AgreementStatus.Terminated)
        {
            return new Rejection(RejectionCode.TriggerNotAllowed, $"Agreement {state.Id} is {state.Status}: history is accepted once it is submitted, and never after it ended.", "agreement");
        }

        if (!enterprises.ContainsKey(report.Enterprise))
        {
            return new Rejection(RejectionCode.NotCovered, $"Agreement {state.Id} does not cover enterprise {report.Enterprise}.", "enterprise");
        }

        if (state.Terms.TermFor(indicator) is null)
        {
            return new Rejection(RejectionCode.NotCovered, $"Agreement {state.Id} has no term over {indicator.Code}: its history is not needed.", "indicator");
        }

        if (!period.Contains(report.Month))
        {
            return new Rejection(RejectionCode.Invalid, $"{Months.Format(report.Month)} is not a history month of agreement {state.Id}: history is taken for {Months.Format(period.From)} to {Months.Format(period.To)}, before it takes effect.", "month");
        }

        if (!Months.HasEnded(report.Month, now))
        {
            return new Rejection(RejectionCode.MonthNotOpen, $"{Months.Format(report.Month)} has not ended (China time): figures are reported after the month closes.", "month");
        }

        var current = latest.GetValueOrDefault((report.Enterprise, indicator, report.Month))
            ?? state.CurrentHistory.GetValueOrDefault((report.Enterprise, indicator, report.Month));
        return RevisionOrder.Check(current, report, "history", "reported");
    }

    private static ReportOutcome Rejected(FigureReport report, RejectionCode code, string message, string field) =>
        new(report.ReportId, ReportStatus.Rejected, new Rejection(code, message, field));
}
