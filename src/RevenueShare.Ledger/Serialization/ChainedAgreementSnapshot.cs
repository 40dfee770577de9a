using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// The snapshot an agreement actor saves since the SM3 chain began: its whole state and the chain's head
/// (the digest of the last event it includes), so the events after it link on from there. Written by
/// <see cref="Wire.ChainedSnapshotWire"/> under <c>agreement-snapshot.v4</c>.
/// </summary>
public sealed record ChainedAgreementSnapshot(AgreementState State, ChainDigest ChainHead) : IAgreementSnapshot;
