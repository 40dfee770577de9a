using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Reports;

/// <summary>
/// The net of allocation entries of a range of months, over all agreements, for one indicator, the
/// district the parts went to, the enterprises' registered district and the double-count flag; in
/// units of the indicator's scale. Read by the ledger's report queries; every report is computed from
/// these totals.
/// </summary>
public sealed record AllocationTotal(string Indicator, DistrictCode District, DistrictCode Registered, bool DoubleCount, long Units);
