namespace RevenueShare.Domain.Documents;

public sealed record CapDocument(IReadOnlyList<string?>? Indicators, string? Amount);
