using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>A derived amount's rule as stored from <c>agreement-created.v3</c> on: <c>{"years": 3, "certified": false}</c>.</summary>
public sealed record DerivationWire(int Years, bool Certified)
{
    public static DerivationWire Of(Derivation derivation) => new(derivation.Years, derivation.Certified);

    public Derivation ToDomain() => new(Years, Certified);
}
