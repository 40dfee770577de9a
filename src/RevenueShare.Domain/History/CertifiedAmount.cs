using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.History;

/// <summary>A derived amount as certified: the enterprise's cap (<see cref="Baseline"/> null) or the baseline of one indicator.</summary>
public sealed record CertifiedAmount(Indicator? Baseline, decimal Amount);
