using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Figures;

/// <summary>One party's apportionment factors of a year, as a factor report lists them.</summary>
public readonly record struct DistrictFactors(DistrictCode District, ApportionmentFactors Factors);
