using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>An enterprise and indicator an agreement covers between two months, as the coverage registry stores it.</summary>
public sealed record CoverageItemWire(string Enterprise, string Indicator, YearMonth From, YearMonth To)
{
    public static CoverageItemWire Of(CoverageItem item) => new(item.Enterprise.Value, item.Indicator.Code, item.From, item.To);

    public CoverageItem ToDomain(ReferenceData reference) => new(CreditCode.Parse(Enterprise), WireIndicators.Resolve(reference, Indicator), From, To);
}
