using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// An agreement's whole state in the binary form of <see cref="Wire.AgreementSnapshotV2Wire"/>
/// (<c>agreement-snapshot.v2</c>), as the actors saved it before the SM3 chain began: stores still hold
/// such snapshots and recover from them; the actors now save <see cref="ChainedAgreementSnapshot"/>.
/// </summary>
public sealed record CompactAgreementSnapshot(AgreementState State) : IAgreementSnapshot
{
    public ChainDigest ChainHead => ChainDigest.Zero;
}
