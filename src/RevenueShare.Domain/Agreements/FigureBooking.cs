using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// Decides a batch of figure reports for one agreement: each report is booked, a duplicate, or
/// rejected on its own; the booked ones are allocated together, recomputing only the enterprises they
/// touch, and become one <see cref="FiguresBooked"/> event.
/// </summary>
internal static class FigureBooking
{
    public static Decision Decide(AgreementState state, BookFigures book, Instant now)
    {
        var enterprises = state.Terms.Enterprises.ToDictionary(e => e.Id);
        var screened = Screen(state, book, now, enterprises);
        if (screened.Accepted.Count == 0)
        {
            return new Decision([], null, screened.Outcomes);
        }

        var allocated = Allocate(state, screened.Accepted, enterprises);
        var (entries, refused) = RefuseLocked(state, allocated);
        return Assemble(state, book, now, screened, entries, refused);
    }

    /// <summary>
    /// Each report on its own, in batch order: a duplicate, a reuse of its reportId, refused by
    /// <see cref="Check"/>, or accepted. A report is checked against the batch's accepted reports before
    /// it, so a restatement within one batch needs a higher revision than the one it follows.
    /// </summary>
    private static Screening Screen(
        AgreementState state,
        BookFigures book,
        Instant now,
        Dictionary<CreditCode, Terms.CoveredEnterprise> enterprises)
    {
        var outcomes = ImmutableArray.CreateBuilder<ReportOutcome>(book.Reports.Length);
        var accepted = new List<FigureReport>();
        var seen = new Dictionary<string, FigureReport>(StringComparer.Ordinal);
        var latest = new Dictionary<(CreditCode, Indicator, YearMonth), FigureReport>();
        foreach (var report in book.Reports)
        {
            if (state.Reports.TryGetValue(report.ReportId, out var earlier) || seen.TryGetValue(report.ReportId, out earlier))
            {
                outcomes.Add(earlier == report
                    ? new ReportOutcome(report.ReportId, ReportStatus.Duplicate)
                    : Rejected(report, RejectionCode.ReportIdReused, $"reportId '{report.ReportId}' was already used for other content ({Describe(earlier)}).", "reportId"));
                continue;
            }

            // Most agreements have neither: looking into an empty map still hashes the id.
            if ((!state.HistoryReports.IsEmpty && state.HistoryReports.ContainsKey(report.ReportId)) || (!state.FactorReports.IsEmpty && state.FactorReports.ContainsKey(report.ReportId)))
            {
                outcomes.Add(Rejected(report, RejectionCode.ReportIdReused, $"reportId '{report.ReportId}' was already used for a history or factor report of agreement {state.Id}.", "reportId"));
                continue;
            }

            var rejection = Check(state, book.By, report, now, enterprises, latest);
            if (rejection is not null)
            {
                outcomes.Add(new ReportOutcome(report.ReportId, ReportStatus.Rejected, rejection));
                continue;
            }

            // Kept under the terms' own credit code (equal, so the same report): the agreement then holds
            // one copy of each enterprise's code rather than one per report booked (58 bytes a report).
            var kept = report with { Enterprise = enterprises[report.Enterprise].Id };
            seen[report.ReportId] = kept;
            latest[(kept.Enterprise, kept.Indicator, kept.Month)] = kept;
            accepted.Add(kept);
            outcomes.Add(new ReportOutcome(report.ReportId, ReportStatus.Booked));
        }

        return new Screening(outcomes.ToImmutable(), accepted);
    }

    /// <summary>The entries each enterprise's accepted reports book, enterprises in credit-code order whatever order the batch lists them in.</summary>
    private static List<EnterpriseChanges> Allocate(
        AgreementState state,
        List<FigureReport> accepted,
        Dictionary<CreditCode, Terms.CoveredEnterprise> enterprises)
    {
        var allocated = new List<EnterpriseChanges>();
        foreach (var group in accepted.GroupBy(r => r.Enterprise).OrderBy(g => g.Key))
        {
            allocated.Add(new EnterpriseChanges(group.Key, group, AllocateEnterprise(state, enterprises[group.Key], group)));
        }

        return allocated;
    }

    /// <summary>
    /// Recomputes one enterprise from the earliest month among its reports and books the difference
    /// from its lines, each entry caused by the report of its own figure, else by the earliest report.
    /// </summary>
    private static List<BookedEntry> AllocateEnterprise(
        AgreementState state,
        Terms.CoveredEnterprise enterprise,
        IEnumerable<FigureReport> reports)
    {
        var book = state.Books.GetValueOrDefault(enterprise.Id, EnterpriseBook.Empty);
        var reportsByKey = LastByFigure(reports);
        var earliest = reports.OrderBy(r => r.Month).ThenBy(r => r.Indicator.Order).First();

        // Nothing before the earliest month of the batch changes: recompute from there, carrying in
        // what the earlier months left, so a month-end batch costs a month, not the enterprise's history.
        var from = earliest.Month;
        var figures = book.CoveredFiguresWith(reportsByKey, state.Rules, from);
        var carry = book.CarryInto(from, state.Rules, enterprise);
        var after = AllocationEngine.AllocateEnterprise(state.Rules, enterprise, figures, carry);
        var changes = new List<BookedEntry>();
        foreach (var change in AllocationDelta.Between(book.LinesInPartyOrder(state.Rules, from), after))
        {
            var line = change.Line;
            var cause = reportsByKey.TryGetValue((line.Indicator, line.Month), out var own) ? own : earliest;
            changes.Add(new BookedEntry(change, cause.ReportId));
        }

        return changes;
    }

    /// <summary>
    /// The entries of the enterprises whose changes leave every approved month alone, and the locked
    /// refusal of each report of the others.
    /// </summary>
    private static (ImmutableArray<BookedEntry> Entries, Dictionary<string, Rejection> Refused) RefuseLocked(
        AgreementState state,
        List<EnterpriseChanges> allocated)
    {
        var entries = ImmutableArray.CreateBuilder<BookedEntry>();
        var refused = new Dictionary<string, Rejection>(StringComparer.Ordinal);
        foreach (var (enterprise, reports, changes) in allocated)
        {
            // Baselines and caps tie an enterprise's months together, so the enterprise's reports of the
            // batch stand or fall together: any of them may be what moves a locked month.
            if (MonthReviewing.LockedBy(state, changes) is { } locked)
            {
                var message = $"{enterprise}: this batch would change allocations already approved. {locked.Message}";
                foreach (var report in reports)
                {
                    refused[report.ReportId] = locked with { Message = message, Path = "month" };
                }

                continue;
            }

            entries.AddRange(changes);
        }

        return (entries.ToImmutable(), refused);
    }

    /// <summary>The outcomes with the locked refusals in place of their bookings, and the event of what is still booked.</summary>
    private static Decision Assemble(
        AgreementState state,
        BookFigures book,
        Instant now,
        Screening screened,
        ImmutableArray<BookedEntry> entries,
        Dictionary<string, Rejection> refused)
    {
        var results = screened.Outcomes
            .Select(o => o.Status == ReportStatus.Booked && refused.TryGetValue(o.ReportId, out var rejection)
                ? new ReportOutcome(o.ReportId, ReportStatus.Rejected, rejection)
                : o)
            .ToImmutableArray();
        var bookedReports = screened.Accepted.Where(r => !refused.ContainsKey(r.ReportId)).ToImmutableArray();
        if (bookedReports.IsEmpty)
        {
            return new Decision([], null, results);
        }

        var booked = new FiguresBooked(state.Id, bookedReports, entries, now, book.By);
        return new Decision([booked], null, results);
    }

    private static Rejection? Check(
        AgreementState state,
        Principal by,
        FigureReport report,
        Instant now,
        Dictionary<CreditCode, Terms.CoveredEnterprise> enterprises,
        Dictionary<(CreditCode, Indicator, YearMonth), FigureReport> latest)
    {
        var indicator = report.Indicator;
        if (Principal.ReporterOf(indicator.Family) != by)
        {
            return new Rejection(RejectionCode.Forbidden, $"{indicator.Code} is a {indicator.Family.ToString().ToLowerInvariant()} indicator: only {Principal.ReporterOf(indicator.Family)} reports it.", "indicator");
        }

        var term = state.Rules.TermFor(report.Indicator, report.Month);
        if (!enterprises.ContainsKey(report.Enterprise) || term is null)
        {
            return new Rejection(RejectionCode.NotCovered, $"Agreement {state.Id} does not share {report.Indicator} of {report.Enterprise} in {Months.Format(report.Month)}.", "enterprise");
        }

        if (!state.WasApproved)
        {
            return new Rejection(RejectionCode.MonthNotOpen, $"Agreement {state.Id} is {state.Status}: figures are accepted only once it is approved.", "month");
        }

        if (!state.IsOpenFor(report.Month))
        {
            return new Rejection(RejectionCode.MonthNotOpen, $"Agreement {state.Id} does not accept figures for {Months.Format(report.Month)} (effective {Months.Format(state.Terms.Effective.From)}..{Months.Format(state.Terms.Effective.To)}; suspended or terminated months are closed).", "month");
        }

        if (!Months.HasEnded(report.Month, now))
        {
            return new Rejection(RejectionCode.MonthNotOpen, $"{Months.Format(report.Month)} has not ended (China time): figures are reported after the month closes.", "month");
        }

        if (term.Formula is not null && !state.Rules.Factors.ContainsKey((report.Enterprise, report.Month.Year - 1)))
        {
            return new Rejection(RejectionCode.FactorsMissing, $"The ratios of {report.Indicator} for {report.Month.Year} come from the apportionment factors of {report.Month.Year - 1}, and no factors of {report.Month.Year - 1} are reported for {report.Enterprise}: tax reports them first.", "month");
        }

        var current = latest.GetValueOrDefault((report.Enterprise, report.Indicator, report.Month))
            ?? state.Books.GetValueOrDefault(report.Enterprise)?.Current(report.Indicator, report.Month);
        return RevisionOrder.Check(current, report, "figure", "booked");
    }

    /// <summary>The last report of each figure in the batch: the revision that is booked.</summary>
    private static Dictionary<(Indicator Indicator, YearMonth Month), FigureReport> LastByFigure(IEnumerable<FigureReport> reports)
    {
        var last = new Dictionary<(Indicator Indicator, YearMonth Month), FigureReport>();
        foreach (var report in reports)
        {
            last[(report.Indicator, report.Month)] = report;
        }

        return last;
    }

    private static ReportOutcome Rejected(FigureReport report, RejectionCode code, string message, string field) =>
        new(report.ReportId, ReportStatus.Rejected, new Rejection(code, message, field));

    private static string Describe(FigureReport report) =>
        $"{report.Enterprise} {report.Indicator} {Months.Format(report.Month)} {Amounts.Format(report.Amount, report.Indicator.Scale)} revision {report.Revision}";

    /// <summary>What screening leaves: an outcome per report in batch order, and the reports accepted.</summary>
    private sealed record Screening(ImmutableArray<ReportOutcome> Outcomes, List<FigureReport> Accepted);

    /// <summary>One enterprise's accepted reports of the batch and the entries they would book.</summary>
    private sealed record EnterpriseChanges(CreditCode Enterprise, IEnumerable<FigureReport> Reports, List<BookedEntry> Changes);
}
