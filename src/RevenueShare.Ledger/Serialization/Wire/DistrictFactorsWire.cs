using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>One party's factors in a stored factor report.</summary>
public sealed record DistrictFactorsWire(string District, FactorsWire Factors)
{
    public static DistrictFactorsWire Of(DistrictFactors factors) => new(factors.District.Value, FactorsWire.Of(factors.Factors));

    public DistrictFactors ToDomain() => new(DistrictCode.Parse(District), Factors.ToDomain());
}
