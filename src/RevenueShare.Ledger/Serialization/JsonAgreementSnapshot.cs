using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// An agreement's state in the first snapshot form, one JSON document (<c>agreement-snapshot.v1</c>,
/// <see cref="Wire.AgreementSnapshotV1Wire"/>). The actors now save <see cref="CompactAgreementSnapshot"/>;
/// stores still hold snapshots of this form, and they recover as before.
/// </summary>
public sealed record JsonAgreementSnapshot(AgreementState State) : IAgreementSnapshot;
