using RevenueShare.Domain.Documents;

namespace RevenueShare.Server.Demo;

/// <summary>A file of factor reports in contracts/examples/factors: <c>{"reports": [...]}</c>, each the body of <c>POST /api/agreements/{id}/factors</c>.</summary>
public sealed record DemoFactorReports(IReadOnlyList<FactorReportDocument> Reports);
