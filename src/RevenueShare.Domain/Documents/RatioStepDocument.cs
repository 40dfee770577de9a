namespace RevenueShare.Domain.Documents;

public sealed record RatioStepDocument(string? From, IReadOnlyDictionary<string, string?>? Ratios);
