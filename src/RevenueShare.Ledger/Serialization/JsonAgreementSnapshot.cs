using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// An agreement's state in the first snapshot form, one JSON document (<c>agreement-snapshot.v1</c>,
/// <see cref="Wire.AgreementSnapshotV1Wire"/>). The actors now save <see cref="ChainedAgreementSnapshot"/>;
/// stores still hold snapshots of this form, and they recover as before, from before the SM3 chain.
/// </summary>
public sealed record JsonAgreementSnapshot(AgreementState State) : IAgreementSnapshot
{
    public ChainDigest ChainHead => ChainDigest.Zero;
}
