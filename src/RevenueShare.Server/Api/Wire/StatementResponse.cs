namespace RevenueShare.Server.Api.Wire;

/// <summary>A district's statement over a range of months (docs/statement.md).</summary>
public sealed record StatementResponse(string District, string From, string To, IReadOnlyList<StatementIndicator> Indicators);
