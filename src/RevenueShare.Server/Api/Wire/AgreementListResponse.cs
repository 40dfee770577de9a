namespace RevenueShare.Server.Api.Wire;

public sealed record AgreementListResponse(IReadOnlyList<AgreementView> Agreements);
