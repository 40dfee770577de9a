namespace RevenueShare.Server.Api.Wire;

/// <summary>The answer to a factor report: <c>booked</c> or <c>duplicate</c>, and the report as the agreement now holds it.</summary>
public sealed record FactorReportResult(string Agreement, string Status, FactorReportView Report);
