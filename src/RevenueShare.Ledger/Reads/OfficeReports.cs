using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// The offices' reports as the ledger answers them: reads the totals, agreements and reviews a report
/// needs (from the caller's <see cref="ReadSnapshot"/>) and hands them to the report's pure
/// function in the domain (<see cref="Reconciliation"/>, <see cref="DistrictStatement"/>,
/// <see cref="YearEndSettlement"/>). One place for every caller — the API, the command line, the
/// web pages — so they cannot give two answers. Rights are the caller's to check: a reconciliation
/// takes the indicators the caller may see. A page showing several reports reads them all from one
/// snapshot.
/// </summary>
public static class OfficeReports
{
    /// <summary>
    /// The reconciliation of <paramref name="month"/> over <paramref name="indicators"/>, those the caller
    /// may see in catalogue order; as the ledger answered it at <paramref name="asOf"/> when given: the
    /// agreements, figures, entries and reviews as they stood then (<see cref="PointInTime"/>).
    /// </summary>
    public static async Task<Reconciliation> ReconciliationAsync(ReadSnapshot snapshot, YearMonth month, IReadOnlyList<Indicator> indicators, Instant? asOf, CancellationToken cancellationToken)
    {
        var past = asOf is { } instant ? await PointInTime.AtAsync(snapshot, instant, cancellationToken) : null;
        var agreements = (past is null ? await snapshot.AgreementsAsync(null, cancellationToken) : await snapshot.AgreementsAsOfAsync(past.Instant, cancellationToken))
            .Select(a => ReconciledAgreement.OpenFor(a, month, indicators))
            .OfType<ReconciledAgreement>()
            .ToArray();
        var figures = await FigureTotalsAsync(snapshot, month, month, past, cancellationToken);
        var allocations = await AllocationTotalsAsync(snapshot, month, month, past, cancellationToken);
        var reviews = past is null
            ? (await snapshot.ReviewsAsync(null, month, cancellationToken)).Select(r => r.Review).ToArray()
            : await snapshot.ReviewsAsOfAsync(month, past.Instant, cancellationToken);

        // Figure by figure only for the agreements whose totals show a figure missing.
        var reported = new Dictionary<AgreementId, IReadOnlySet<(string Enterprise, string Indicator)>>();
        foreach (var id in Reconciliation.ShortOfFigures(agreements, figures))
        {
            reported[id] = past is null
                ? await snapshot.ReportedAsync(id, month, cancellationToken)
                : await snapshot.ReportedAsync(id, month, past.Instant, cancellationToken);
        }

        return Reconciliation.Of(month, indicators, agreements, figures, allocations, reviews, reported);
    }

    /// <summary>The statement of <paramref name="district"/> over the months <paramref name="from"/>..<paramref name="to"/>, every indicator of the catalogue; at <paramref name="asOf"/> when given.</summary>
    public static async Task<DistrictStatement> StatementAsync(ReadSnapshot snapshot, DistrictCode district, YearMonth from, YearMonth to, Instant? asOf, CancellationToken cancellationToken)
    {
        var past = asOf is { } instant ? await PointInTime.AtAsync(snapshot, instant, cancellationToken) : null;
        var figures = await FigureTotalsAsync(snapshot, from, to, past, cancellationToken);
        var allocations = await AllocationTotalsAsync(snapshot, from, to, past, cancellationToken);
        return DistrictStatement.Of(district, from, to, snapshot.Reference.Indicators, figures, allocations);
    }

    /// <summary>The whole city's settlement of <paramref name="year"/>, at <paramref name="asOf"/> when given; a district's view is <see cref="YearEndSettlement.SeenBy"/>.</summary>
    public static async Task<YearEndSettlement> SettlementAsync(ReadSnapshot snapshot, int year, Instant? asOf, CancellationToken cancellationToken)
    {
        var past = asOf is { } instant ? await PointInTime.AtAsync(snapshot, instant, cancellationToken) : null;
        var allocations = await AllocationTotalsAsync(snapshot, new YearMonth(year, 1), new YearMonth(year, 12), past, cancellationToken);
        return YearEndSettlement.Of(year, snapshot.Reference.Indicators, allocations);
    }

    /// <summary>The present from the month totals; a past instant from the rows booked by then.</summary>
    private static Task<IReadOnlyList<FigureTotal>> FigureTotalsAsync(ReadSnapshot snapshot, YearMonth from, YearMonth to, PointInTime? past, CancellationToken cancellationToken) =>
        past is null
            ? snapshot.FigureTotalsAsync(from, to, cancellationToken)
            : snapshot.FigureTotalsAsync(from, to, past.Instant, past.Agreements, cancellationToken);

    private static Task<IReadOnlyList<AllocationTotal>> AllocationTotalsAsync(ReadSnapshot snapshot, YearMonth from, YearMonth to, PointInTime? past, CancellationToken cancellationToken) =>
        past is null
            ? snapshot.AllocationTotalsAsync(from, to, cancellationToken)
            : snapshot.AllocationTotalsAsync(from, to, past.Instant, past.Agreements, cancellationToken);
}
