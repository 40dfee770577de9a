namespace RevenueShare.Domain.Documents;

public sealed record EnterpriseDocument(
    string? Id,
    string? Name,
    string? RegisteredDistrict,
    IReadOnlyDictionary<string, BaselineDocument?>? Baselines,
    CapDocument? Cap);
