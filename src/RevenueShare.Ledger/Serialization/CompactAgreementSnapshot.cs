using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// The snapshot an agreement actor saves: its whole state, written by <see cref="CompactSnapshotFormat"/>
/// under the manifest <c>agreement-snapshot.v2</c>. The older <see cref="AgreementSnapshot"/> (one JSON
/// document, <c>agreement-snapshot.v1</c>) stays readable, since stores hold snapshots of that form.
/// </summary>
public sealed record CompactAgreementSnapshot(AgreementState State);
