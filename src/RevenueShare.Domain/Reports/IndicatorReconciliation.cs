using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Reports;

/// <summary>
/// One indicator of a month's reconciliation, every amount at the indicator's scale.
/// <see cref="Reported"/> sums the current figures, <see cref="Allocated"/> the entries without
/// double-count credits: equal by construction, so a non-zero <see cref="Difference"/> is a defect,
/// shown and never hidden. <see cref="Districts"/> is the allocation per district (ordinal order of
/// district code). For a statistical indicator <see cref="Published"/> (each figure wholly with its
/// registered district, 在地统计) stands beside <see cref="Assessment"/> (as agreed, 考核口径), and
/// <see cref="DoubleCount"/> lists the 全额双核算 credits, which no total includes; a tax indicator
/// has one view only, and these three are null.
/// </summary>
public sealed record IndicatorReconciliation(
    Indicator Indicator,
    decimal Reported,
    decimal Allocated,
    IReadOnlyDictionary<DistrictCode, decimal> Districts,
    IReadOnlyDictionary<DistrictCode, decimal>? Published,
    IReadOnlyDictionary<DistrictCode, decimal>? DoubleCount)
{
    public decimal Difference => Reported - Allocated;

    /// <summary>The assessment view is the allocation as agreed: the same per-district totals.</summary>
    public IReadOnlyDictionary<DistrictCode, decimal>? Assessment => Published is null ? null : Districts;
}
