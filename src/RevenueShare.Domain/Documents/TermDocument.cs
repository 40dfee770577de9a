namespace RevenueShare.Domain.Documents;

/// <summary>A sharing term as it arrives: a schedule, or in <c>formula</c> mode the head office, its percent and the factors' weights.</summary>
public sealed record TermDocument(
    IReadOnlyList<string?>? Indicators,
    string? Mode,
    IReadOnlyList<RatioStepDocument?>? Schedule,
    string? Hq = null,
    string? HqPercent = null,
    FactorsDocument? Weights = null);
