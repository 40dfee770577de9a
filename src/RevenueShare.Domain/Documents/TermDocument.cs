namespace RevenueShare.Domain.Documents;

public sealed record TermDocument(IReadOnlyList<string?>? Indicators, string? Mode, IReadOnlyList<RatioStepDocument?>? Schedule);
