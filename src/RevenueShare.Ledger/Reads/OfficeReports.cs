using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// The offices' reports as the ledger answers them: reads the totals, agreements and reviews a report
/// needs (<see cref="ReportQueries"/>, <see cref="ReadModel"/>) and hands them to the report's pure
/// function in the domain (<see cref="Reconciliation"/>, <see cref="DistrictStatement"/>,
/// <see cref="YearEndSettlement"/>). One place for every caller — the API, the command line, the
/// planned web pages — so they cannot give two answers. Rights are the caller's to check: a
/// reconciliation takes the indicators the caller may see.
/// </summary>
public sealed class OfficeReports
{
    private readonly ReadModel reads;
    private readonly ReportQueries queries;
    private readonly ReferenceData reference;

    public OfficeReports(ReadModel reads, ReportQueries queries, ReferenceData reference)
    {
        this.reads = reads;
        this.queries = queries;
        this.reference = reference;
    }

    /// <summary>
    /// The reconciliation of <paramref name="month"/> over <paramref name="indicators"/>, those the caller
    /// may see in catalogue order; as the ledger answered it at <paramref name="asOf"/> when given: the
    /// agreements, figures, entries and reviews as they stood then (<see cref="PointInTime"/>).
    /// </summary>
    public async Task<Reconciliation> ReconciliationAsync(YearMonth month, IReadOnlyList<Indicator> indicators, Instant? asOf, CancellationToken cancellationToken)
    {
        var past = asOf is { } instant ? await PointInTime.AtAsync(instant, reads, cancellationToken) : null;
        var agreements = (past is null ? await reads.AgreementsAsync(null, cancellationToken) : await reads.AgreementsAsOfAsync(past.Instant, cancellationToken))
            .Select(a => ReconciledAgreement.OpenFor(a, month, indicators))
            .OfType<ReconciledAgreement>()
            .ToArray();
        var figures = await FigureTotalsAsync(month, month, past, cancellationToken);
        var allocations = await AllocationTotalsAsync(month, month, past, cancellationToken);
        var reviews = past is null
            ? (await reads.ReviewsAsync(null, month, cancellationToken)).Select(r => r.Review).ToArray()
            : await reads.ReviewsAsOfAsync(month, past.Instant, cancellationToken);

        // Figure by figure only for the agreements whose totals show a figure missing.
        var reported = new Dictionary<AgreementId, IReadOnlySet<(string Enterprise, string Indicator)>>();
        foreach (var id in Reconciliation.ShortOfFigures(agreements, figures))
        {
            reported[id] = past is null
                ? await queries.ReportedAsync(id, month, cancellationToken)
                : await queries.ReportedAsync(id, month, past.Instant, cancellationToken);
        }

        return Reconciliation.Of(month, indicators, agreements, figures, allocations, reviews, reported);
    }

    /// <summary>The statement of <paramref name="district"/> over the months <paramref name="from"/>..<paramref name="to"/>, every indicator of the catalogue; at <paramref name="asOf"/> when given.</summary>
    public async Task<DistrictStatement> StatementAsync(DistrictCode district, YearMonth from, YearMonth to, Instant? asOf, CancellationToken cancellationToken)
    {
        var past = asOf is { } instant ? await PointInTime.AtAsync(instant, reads, cancellationToken) : null;
        var figures = await FigureTotalsAsync(from, to, past, cancellationToken);
        var allocations = await AllocationTotalsAsync(from, to, past, cancellationToken);
        return DistrictStatement.Of(district, from, to, reference.Indicators, figures, allocations);
    }

    /// <summary>The whole city's settlement of <paramref name="year"/>, at <paramref name="asOf"/> when given; a district's view is <see cref="YearEndSettlement.SeenBy"/>.</summary>
    public async Task<YearEndSettlement> SettlementAsync(int year, Instant? asOf, CancellationToken cancellationToken)
    {
        var past = asOf is { } instant ? await PointInTime.AtAsync(instant, reads, cancellationToken) : null;
        var allocations = await AllocationTotalsAsync(new YearMonth(year, 1), new YearMonth(year, 12), past, cancellationToken);
        return YearEndSettlement.Of(year, reference.Indicators, allocations);
    }

    /// <summary>The present from the month totals; a past instant from the rows booked by then.</summary>
    private Task<IReadOnlyList<FigureTotal>> FigureTotalsAsync(YearMonth from, YearMonth to, PointInTime? past, CancellationToken cancellationToken) =>
        past is null
            ? queries.FigureTotalsAsync(from, to, cancellationToken)
            : queries.FigureTotalsAsync(from, to, past.Instant, past.Agreements, cancellationToken);

    private Task<IReadOnlyList<AllocationTotal>> AllocationTotalsAsync(YearMonth from, YearMonth to, PointInTime? past, CancellationToken cancellationToken) =>
        past is null
            ? queries.AllocationTotalsAsync(from, to, cancellationToken)
            : queries.AllocationTotalsAsync(from, to, past.Instant, past.Agreements, cancellationToken);
}
