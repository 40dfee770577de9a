namespace RevenueShare.Ledger.Reads;

/// <summary>The sum of current figures for one agreement, enterprise and indicator, in units of the indicator's scale.</summary>
public sealed record FigureSum(string Agreement, string Enterprise, string Indicator, long Units);
