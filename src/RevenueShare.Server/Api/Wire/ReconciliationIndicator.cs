namespace RevenueShare.Server.Api.Wire;

/// <summary>
/// One indicator of a reconciliation. <see cref="Districts"/> is the allocation per district without
/// double-count credits; for statistical indicators <see cref="Published"/> (where the enterprise is,
/// 在地统计) stands beside <see cref="Assessment"/> (as agreed, 考核口径), and <see cref="DoubleCount"/>
/// lists the 全额双核算 credits, which no total includes.
/// </summary>
public sealed record ReconciliationIndicator(
    string Indicator,
    string Family,
    string Reported,
    string Allocated,
    string Difference,
    IReadOnlyDictionary<string, string> Districts,
    IReadOnlyDictionary<string, string>? Published,
    IReadOnlyDictionary<string, string>? Assessment,
    IReadOnlyDictionary<string, string>? DoubleCount);
