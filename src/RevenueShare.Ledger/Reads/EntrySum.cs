namespace RevenueShare.Ledger.Reads;

/// <summary>The net of allocation entries for one agreement, enterprise, indicator and district, in units of the indicator's scale.</summary>
public sealed record EntrySum(string Agreement, string Enterprise, string Indicator, string District, bool DoubleCount, long Units);
