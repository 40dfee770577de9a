namespace RevenueShare.Server.Api.Wire;

public sealed record FigureBatchResponse(IReadOnlyList<FigureResult> Results);
