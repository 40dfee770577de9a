using RevenueShare.Ledger.Coverage;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>coverage-granted.v1</c>: the coverage an agreement holds from then on.</summary>
public sealed record CoverageGrantedWire(string AgreementId, IReadOnlyList<CoverageItemWire> Items)
{
    public static CoverageGrantedWire Of(CoverageGranted granted) => new(granted.AgreementId.Value, [.. granted.Items.Select(CoverageItemWire.Of)]);

    public CoverageGranted ToDomain(ReferenceData reference) => new(Domain.Agreements.AgreementId.Parse(AgreementId), [.. Items.Select(i => i.ToDomain(reference))]);
}
