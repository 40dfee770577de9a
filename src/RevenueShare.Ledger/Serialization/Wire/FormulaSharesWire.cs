using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>A formula term's head office, its percent and the factors' weights, as stored in <see cref="SharingTermWire"/> from the v2 manifests on.</summary>
public sealed record FormulaSharesWire(string Hq, decimal HqPercent, FactorsWire Weights)
{
    public static FormulaSharesWire Of(FormulaShares formula) => new(formula.Hq.Value, formula.HqPercent, FactorsWire.Of(formula.Weights));

    public FormulaShares ToDomain() => new(DistrictCode.Parse(Hq), HqPercent, Weights.ToDomain());
}
