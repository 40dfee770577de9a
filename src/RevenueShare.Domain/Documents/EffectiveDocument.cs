namespace RevenueShare.Domain.Documents;

public sealed record EffectiveDocument(string? From, string? To);
