using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>A covered enterprise as stored, baselines keyed by indicator.</summary>
public sealed record CoveredEnterpriseWire(string Id, string Name, string RegisteredDistrict, IReadOnlyDictionary<string, decimal> Baselines, EnterpriseCapWire? Cap)
{
    public static CoveredEnterpriseWire Of(CoveredEnterprise enterprise) => new(
        enterprise.Id.Value,
        enterprise.Name,
        enterprise.RegisteredDistrict.Value,
        AmountsByCode.Of(enterprise.Baselines),
        enterprise.Cap is null ? null : EnterpriseCapWire.Of(enterprise.Cap));

    public CoveredEnterprise ToDomain(ReferenceData reference) =>
        new(CreditCode.Parse(Id), Name, DistrictCode.Parse(RegisteredDistrict), AmountsByCode.ByIndicator(Baselines, reference), Cap?.ToDomain(reference));
}
