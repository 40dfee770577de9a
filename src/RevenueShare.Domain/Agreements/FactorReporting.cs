using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// Decides a factor report (docs/allocation.md, Formula shares): the tax office reports an enterprise's
/// apportionment factors of a year for an agreement with a formula term. The same reportId with the
/// same content again is a duplicate; a restatement needs a higher revision and recomputes the figures
/// of the year after, whose ratios come from these factors, booking the differences as adjustments.
/// </summary>
internal static class FactorReporting
{
    public static Decision Decide(AgreementState state, ReportFactors command, Instant now)
    {
        var report = command.Report;
        if (Screen(state, command) is { } refused)
        {
            return refused;
        }

        var rules = state.Rules.WithFactors(report);
        var entries = Reallocate(state, rules, report);
        if (MonthReviewing.LockedBy(state, entries) is { } locked)
        {
            return Decision.Refused(locked with { Message = $"The factors of {report.Year} set the ratios of {report.Year + 1}, and this restatement would change allocations already approved: {locked.Message}" });
        }

        var reported = new FactorsReported(state.Id, report, entries, now, command.By);
        return new Decision([reported], null, [new ReportOutcome(report.ReportId, ReportStatus.Booked)]);
    }

    /// <summary>The refusal or the duplicate's answer, in the order of <see cref="RejectionCode"/>; null when the report is to be booked.</summary>
    private static Decision? Screen(AgreementState state, ReportFactors command)
    {
        var report = command.Report;
        if (command.By != Principal.Tax)
        {
            return Refused(RejectionCode.Forbidden, "Only tax reports apportionment factors: they come from the consolidated tax returns.", null);
        }

        if (state.FactorReports.TryGetValue(report.ReportId, out var earlier))
        {
            return earlier == report
                ? new Decision([], null, [new ReportOutcome(report.ReportId, ReportStatus.Duplicate)])
                : Refused(RejectionCode.ReportIdReused, $"reportId '{report.ReportId}' was already used for other content (factors of {earlier.Enterprise} for {earlier.Year}, revision {earlier.Revision}).", "$.reportId");
        }

        if (state.Reports.ContainsKey(report.ReportId) || state.HistoryReports.ContainsKey(report.ReportId))
        {
            return Refused(RejectionCode.ReportIdReused, $"reportId '{report.ReportId}' was already used for a figure or history report of agreement {state.Id}.", "$.reportId");
        }

        if (state.Status is AgreementStatus.Draft or AgreementStatus.Rejected or AgreementStatus.Withdrawn)
        {
            return Refused(RejectionCode.TriggerNotAllowed, $"Agreement {state.Id} is {state.Status}: factors are accepted once it is submitted, and never after it was rejected or withdrawn.", null);
        }

        return Covered(state, report) ?? Parties(state, report) ?? Revision(state, report);
    }

    private static Decision? Covered(AgreementState state, FactorReport report)
    {
        if (!state.Terms.Enterprises.Any(e => e.Id == report.Enterprise))
        {
            return Refused(RejectionCode.NotCovered, $"Agreement {state.Id} does not cover enterprise {report.Enterprise}.", "$.enterprise");
        }

        var pending = state.PendingAmendment?.Terms ?? [];
        if (!state.Rules.Versions.SelectMany(v => v.Terms).Concat(pending).Any(t => t.Mode == AllocationMode.Formula))
        {
            return Refused(RejectionCode.NotCovered, $"Agreement {state.Id} has no term in formula mode: its ratios come from its schedules, not from factors.", null);
        }

        // The factors of year Y set the ratios of Y + 1, so they serve only when Y + 1 is an effective year.
        var effective = state.Terms.Effective;
        if (report.Year + 1 < effective.From.Year || report.Year + 1 > effective.To.Year)
        {
            return Refused(RejectionCode.Invalid, $"The factors of {report.Year} set the ratios of {report.Year + 1}, which lies outside the effective period {Months.Format(effective.From)} to {Months.Format(effective.To)}; factors of {effective.From.Year - 1} to {effective.To.Year - 1} are taken.", "$.year");
        }

        return null;
    }

    private static Decision? Parties(AgreementState state, FactorReport report)
    {
        foreach (var factors in report.Factors)
        {
            if (!state.Terms.IsParty(factors.District))
            {
                return Refused(RejectionCode.Invalid, $"'{factors.District}' is not a party to agreement {state.Id}; factors are reported for the parties {string.Join(", ", state.Terms.Parties.Select(p => p.District))} only.", $"$.factors.{factors.District}");
            }
        }

        var missing = state.Terms.Parties.Where(p => report.Of(p.District) is null).Select(p => p.District.Value).ToList();
        return missing.Count == 0
            ? null
            : Refused(RejectionCode.Invalid, $"Every party's factors are required (0 is allowed); missing: {string.Join(", ", missing)}.", "$.factors");
    }

    private static Decision? Revision(AgreementState state, FactorReport report)
    {
        var current = state.Rules.Factors.GetValueOrDefault((report.Enterprise, report.Year));
        if (current is null && report.Revision != 1)
        {
            return Refused(RejectionCode.RevisionOutOfOrder, $"No factors of {report.Enterprise} for {report.Year} are booked yet: the first report has revision 1, not {report.Revision}.", "$.revision");
        }

        if (current is not null && report.Revision <= current.Revision)
        {
            return Refused(RejectionCode.RevisionOutOfOrder, $"Revision {current.Revision} of the factors of {report.Enterprise} for {report.Year} is booked (report '{current.ReportId}'): a restatement needs a higher revision than {current.Revision}.", "$.revision");
        }

        return null;
    }

    /// <summary>
    /// The adjustments of the enterprise's figures from the year the factors set the ratios of: earlier
    /// months keep their ratios, so the recomputation starts there, carrying in what they left.
    /// </summary>
    private static ImmutableArray<BookedEntry> Reallocate(AgreementState state, AgreementRules rules, FactorReport report)
    {
        if (!state.Books.TryGetValue(report.Enterprise, out var book))
        {
            return [];
        }

        var enterprise = state.Terms.Enterprises.Single(e => e.Id == report.Enterprise);
        var from = new YearMonth(report.Year + 1, 1);
        var figures = book.CoveredFiguresWith(new Dictionary<(Indicator, YearMonth), FigureReport>(), rules, from);
        var after = AllocationEngine.AllocateEnterprise(rules, enterprise, figures, book.CarryInto(from, rules, enterprise));
        return [.. AllocationDelta.Between(book.LinesInPartyOrder(rules, from), after).Select(change => new BookedEntry(change, report.ReportId))];
    }

    /// <summary>
    /// The refusal of rules under which a figure already booked would need factors not reported: an
    /// amendment that turns a term to formula mode over months with figures. Null when every such
    /// figure has the factors of its year before.
    /// </summary>
    internal static Rejection? MissingUnder(AgreementState state, AgreementRules rules, string what)
    {
        foreach (var (enterprise, book) in state.Books.OrderBy(b => b.Key))
        {
            // In canonical order, so the figure named is the same however the book was built (a replay, a snapshot).
            foreach (var figure in book.CoveredFigures(rules).OrderBy(f => f.Month).ThenBy(f => f.Indicator.Order))
            {
                if (rules.TermFor(figure.Indicator, figure.Month)!.Formula is not null && !rules.Factors.ContainsKey((enterprise, figure.Month.Year - 1)))
                {
                    return new Rejection(RejectionCode.FactorsMissing, $"{what} would share {figure.Indicator} of {enterprise} for {Months.Format(figure.Month)} by the formula, and no apportionment factors of {figure.Month.Year - 1} are reported for it: tax reports them first.");
                }
            }
        }

        return null;
    }

    private static Decision Refused(RejectionCode code, string message, string? path) =>
        Decision.Refused(new Rejection(code, message, path));
}
