namespace RevenueShare.Ledger.Reads;

/// <summary>
/// The net of allocation entries of a range of months, over all agreements, for one indicator, the
/// district the parts went to, the enterprises' registered district and the double-count flag; in
/// units of the indicator's scale.
/// </summary>
public sealed record AllocationTotal(string Indicator, string District, string Registered, bool DoubleCount, long Units);
