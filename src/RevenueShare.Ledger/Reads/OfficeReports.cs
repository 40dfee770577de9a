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

    /// <summary>The reconciliation of <paramref name="month"/> over <paramref name="indicators"/>, those the caller may see in catalogue order.</summary>
    public async Task<Reconciliation> ReconciliationAsync(YearMonth month, IReadOnlyList<Indicator> indicators, CancellationToken cancellationToken)
    {
        var agreements = (await reads.AgreementsAsync(null, cancellationToken))
            .Select(a => ReconciledAgreement.OpenFor(a, month, indicators))
            .OfType<ReconciledAgreement>()
            .ToArray();
        var figures = await queries.FigureTotalsAsync(month, month, cancellationToken);
        var allocations = await queries.AllocationTotalsAsync(month, month, cancellationToken);
        var reviews = (await reads.ReviewsAsync(null, month, cancellationToken)).Select(r => r.Review).ToArray();

        // Figure by figure only for the agreements whose totals show a figure missing.
        var reported = new Dictionary<AgreementId, IReadOnlySet<(string Enterprise, string Indicator)>>();
        foreach (var id in Reconciliation.ShortOfFigures(agreements, figures))
        {
            reported[id] = await queries.ReportedAsync(id, month, cancellationToken);
        }

        return Reconciliation.Of(month, indicators, agreements, figures, allocations, reviews, reported);
    }

    /// <summary>The statement of <paramref name="district"/> over the months <paramref name="from"/>..<paramref name="to"/>, every indicator of the catalogue.</summary>
    public async Task<DistrictStatement> StatementAsync(DistrictCode district, YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var figures = await queries.FigureTotalsAsync(from, to, cancellationToken);
        var allocations = await queries.AllocationTotalsAsync(from, to, cancellationToken);
        return DistrictStatement.Of(district, from, to, reference.Indicators, figures, allocations);
    }

    /// <summary>The whole city's settlement of <paramref name="year"/>; a district's view is <see cref="YearEndSettlement.SeenBy"/>.</summary>
    public async Task<YearEndSettlement> SettlementAsync(int year, CancellationToken cancellationToken)
    {
        var allocations = await queries.AllocationTotalsAsync(new YearMonth(year, 1), new YearMonth(year, 12), cancellationToken);
        return YearEndSettlement.Of(year, reference.Indicators, allocations);
    }
}
