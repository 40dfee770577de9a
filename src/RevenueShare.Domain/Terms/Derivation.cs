namespace RevenueShare.Domain.Terms;

/// <summary>
/// An amount of the terms derived from the enterprise's own history (docs/allocation.md, history and
/// derived amounts): the <see cref="Years"/> calendar years before the year the agreement takes effect.
/// Until the office that reports the figures has <see cref="Certified"/> that history the amount is not
/// known, and the agreement cannot be approved.
/// </summary>
public sealed record Derivation(int Years, bool Certified);
