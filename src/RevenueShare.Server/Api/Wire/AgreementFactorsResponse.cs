namespace RevenueShare.Server.Api.Wire;

/// <summary><c>GET /api/agreements/{id}/factors</c>: every factor report, every revision, by enterprise, year and revision.</summary>
public sealed record AgreementFactorsResponse(string Agreement, IReadOnlyList<FactorReportView> Factors);
