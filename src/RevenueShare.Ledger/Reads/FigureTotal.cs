namespace RevenueShare.Ledger.Reads;

/// <summary>
/// The current figures of a range of months for one agreement, indicator and registered district:
/// their sum in units of the indicator's scale and how many there are.
/// </summary>
public sealed record FigureTotal(string Agreement, string Indicator, string Registered, long Units, long Count);
