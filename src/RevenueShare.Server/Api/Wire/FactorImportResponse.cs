namespace RevenueShare.Server.Api.Wire;

/// <summary>The answer to a factors file: each report's outcome, in the order of its first line.</summary>
public sealed record FactorImportResponse(string Agreement, IReadOnlyList<FactorImportResult> Results);
