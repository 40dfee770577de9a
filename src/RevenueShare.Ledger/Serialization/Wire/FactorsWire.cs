using RevenueShare.Domain.Allocation;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The three apportionment factors as stored: a party's factors of a year, or a formula term's weights.</summary>
public sealed record FactorsWire(decimal OperatingRevenue, decimal Payroll, decimal Assets)
{
    public static FactorsWire Of(ApportionmentFactors factors) => new(factors.OperatingRevenue, factors.Payroll, factors.Assets);

    public ApportionmentFactors ToDomain() => new(OperatingRevenue, Payroll, Assets);
}
