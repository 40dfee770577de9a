using System.Collections.Immutable;
using System.Text.Json.Serialization;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// A covered enterprise as stored, baselines keyed by indicator. <see cref="DerivedBaselines"/> came with
/// <c>agreement-created.v3</c>; an enterprise without one is stored as before.
/// </summary>
public sealed record CoveredEnterpriseWire(
    string Id,
    string Name,
    string RegisteredDistrict,
    IReadOnlyDictionary<string, decimal> Baselines,
    EnterpriseCapWire? Cap,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, DerivationWire>? DerivedBaselines = null)
{
    public static CoveredEnterpriseWire Of(CoveredEnterprise enterprise) => new(
        enterprise.Id.Value,
        enterprise.Name,
        enterprise.RegisteredDistrict.Value,
        AmountsByCode.Of(enterprise.Baselines),
        enterprise.Cap is null ? null : EnterpriseCapWire.Of(enterprise.Cap),
        enterprise.DerivedBaselines.IsEmpty
            ? null
            : new SortedDictionary<string, DerivationWire>(enterprise.DerivedBaselines.ToDictionary(b => b.Key.Code, b => DerivationWire.Of(b.Value)), StringComparer.Ordinal));

    public CoveredEnterprise ToDomain(ReferenceData reference) =>
        new(CreditCode.Parse(Id), Name, DistrictCode.Parse(RegisteredDistrict), AmountsByCode.ByIndicator(Baselines, reference), Cap?.ToDomain(reference))
        {
            DerivedBaselines = (DerivedBaselines ?? ImmutableDictionary<string, DerivationWire>.Empty)
                .ToImmutableDictionary(b => WireIndicators.Resolve(reference, b.Key), b => b.Value.ToDomain()),
        };
}
