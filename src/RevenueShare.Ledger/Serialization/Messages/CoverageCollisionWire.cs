using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>coverage-collision</c> between nodes: the reservation met another agreement's coverage.</summary>
public sealed record CoverageCollisionWire(string AgreementId, string OtherAgreementId, CoverageItemWire Item)
{
    public static CoverageCollisionWire Of(CoverageCollision message) => new(message.AgreementId.Value, message.OtherAgreementId.Value, CoverageItemWire.Of(message.Item));

    public CoverageCollision ToDomain(ReferenceData reference) =>
        new(Domain.Agreements.AgreementId.Parse(AgreementId), Domain.Agreements.AgreementId.Parse(OtherAgreementId), Item.ToDomain(reference));
}
