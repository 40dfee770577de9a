using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// The snapshot an agreement actor saves: its whole state, written by <see cref="Wire.AgreementSnapshotV2Wire"/>
/// under the manifest <c>agreement-snapshot.v2</c>.
/// </summary>
public sealed record CompactAgreementSnapshot(AgreementState State) : IAgreementSnapshot;
