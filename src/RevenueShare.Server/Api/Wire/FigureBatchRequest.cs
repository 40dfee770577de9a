using RevenueShare.Domain.Documents;

namespace RevenueShare.Server.Api.Wire;

public sealed record FigureBatchRequest(IReadOnlyList<FigureReportDocument?>? Reports);
