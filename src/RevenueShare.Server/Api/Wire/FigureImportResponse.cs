namespace RevenueShare.Server.Api.Wire;

/// <summary>The outcome of each line of an imported CSV file.</summary>
public sealed record FigureImportResponse(IReadOnlyList<FigureImportResult> Results);
