using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Numbering;
using RevenueShare.Ledger.ReportIds;
using RevenueShare.Ledger.Sealing;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// The journal's own wire format: each manifest has a wire record of its own (<see cref="Wire"/>) with
/// one explicit mapping to and from the domain, so renaming or moving a domain type or member never
/// changes what is stored, and old journals keep replaying. A new shape of an event gets a new manifest
/// (<c>.v2</c>) and the old one stays readable. The golden payloads of the tests hold every manifest
/// to its bytes. The wire keeps indicator codes; decoding resolves them against the configured
/// catalogue, which Akka.NET cannot construct, so the actor system is created with a
/// <see cref="LedgerSerializerSetup"/> holding it (docs/decisions.md, Storage and reads).
/// </summary>
public sealed class LedgerSerializer : SerializerWithStringManifest
{
    public const int SerializerIdentifier = 4401;

    /// <summary>Every manifest and how it is written and read; a manifest without a writer is only read (the journal keeps every event as it was written).</summary>
    private static readonly WireCodec[] Codecs =
    [
        WireCodec.Json<AgreementCreated, AgreementCreatedWire>("agreement-created.v1", null, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<AgreementCreated, AgreementCreatedWire>("agreement-created.v2", null, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<AgreementCreated, AgreementCreatedWire>("agreement-created.v3", AgreementCreatedWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<DraftEdited, DraftEditedWire>("draft-edited.v1", null, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<DraftEdited, DraftEditedWire>("draft-edited.v2", null, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<DraftEdited, DraftEditedWire>("draft-edited.v3", DraftEditedWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<AgreementSubmitted, AgreementSubmittedWire>("agreement-submitted.v1", AgreementSubmittedWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<AgreementCountersigned, AgreementCountersignedWire>("agreement-countersigned.v1", AgreementCountersignedWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<AgreementApproved, AgreementApprovedWire>("agreement-approved.v1", AgreementApprovedWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<AgreementRejected, AgreementRejectedWire>("agreement-rejected.v1", AgreementRejectedWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<AgreementWithdrawn, AgreementWithdrawnWire>("agreement-withdrawn.v1", AgreementWithdrawnWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<AgreementSuspended, AgreementSuspendedWire>("agreement-suspended.v1", AgreementSuspendedWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<AgreementResumed, AgreementResumedWire>("agreement-resumed.v1", AgreementResumedWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<AgreementTerminated, AgreementTerminatedWire>("agreement-terminated.v1", AgreementTerminatedWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<AmendmentProposed, AmendmentProposedWire>("amendment-proposed.v1", null, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<AmendmentProposed, AmendmentProposedWire>("amendment-proposed.v2", AmendmentProposedWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<AmendmentCountersigned, AmendmentCountersignedWire>("amendment-countersigned.v1", AmendmentCountersignedWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<AmendmentApproved, AmendmentApprovedWire>("amendment-approved.v1", AmendmentApprovedWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<AmendmentRejected, AmendmentRejectedWire>("amendment-rejected.v1", AmendmentRejectedWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<AmendmentWithdrawn, AmendmentWithdrawnWire>("amendment-withdrawn.v1", AmendmentWithdrawnWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<FiguresBooked, FiguresBookedV1Wire>("figures-booked.v1", null, (w, reference) => w.ToDomain(reference)),
        new(FiguresBookedV2Wire.Manifest, typeof(FiguresBooked), o => FiguresBookedV2Wire.Write((FiguresBooked)o), FiguresBookedV2Wire.Read, null),
        WireCodec.Json<MonthReviewed, MonthReviewedWire>("month-reviewed.v1", null, (w, _) => w.ToDomain()),
        WireCodec.Json<MonthReviewed, MonthReviewedV2Wire>("month-reviewed.v2", MonthReviewedV2Wire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<FactorsReported, FactorsReportedWire>("factors-reported.v1", FactorsReportedWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<HistoryReported, HistoryReportedWire>("history-reported.v1", HistoryReportedWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<HistoryCertified, HistoryCertifiedWire>("history-certified.v1", HistoryCertifiedWire.Of, (w, reference) => w.ToDomain(reference)),
        new(SealedEventWire.Manifest, typeof(SealedEvent), o => SealedEventWire.Write((SealedEvent)o), SealedEventWire.Read, null),
        WireCodec.Json<JsonAgreementSnapshot, AgreementSnapshotV1Wire>("agreement-snapshot.v1", s => AgreementSnapshotV1Wire.OfFirstFormat(s.State), (w, reference) => new JsonAgreementSnapshot(w.ToState(reference))),
        new("agreement-snapshot.v2", typeof(CompactAgreementSnapshot), null, (b, reference) => new CompactAgreementSnapshot(AgreementSnapshotV2Wire.Read(b, reference)), null),
        new(ChainedSnapshotWire.V3Manifest, typeof(ChainedAgreementSnapshot), null, ChainedSnapshotWire.Read, null),
        new(ChainedSnapshotWire.V4Manifest, typeof(ChainedAgreementSnapshot), null, ChainedSnapshotWire.Read, null),
        new(ChainedSnapshotWire.Manifest, typeof(ChainedAgreementSnapshot), o => ChainedSnapshotWire.Write((ChainedAgreementSnapshot)o), ChainedSnapshotWire.Read, null),
        WireCodec.Json<CoverageGranted, CoverageGrantedWire>("coverage-granted.v1", CoverageGrantedWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<CoverageSnapshot, CoverageSnapshotWire>("coverage-snapshot.v1", CoverageSnapshotWire.Of, (w, reference) => w.ToDomain(reference)),
        WireCodec.Json<AgreementNumberIssued, AgreementNumberIssuedWire>("agreement-number-issued.v1", AgreementNumberIssuedWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<ReportIdsReserved, ReportIdsReservedWire>("report-ids-reserved.v1", ReportIdsReservedWire.Of, (w, _) => w.ToDomain()),
        WireCodec.Json<ReportIdDeskSnapshot, ReportIdDeskSnapshotWire>("report-id-desk-snapshot.v1", ReportIdDeskSnapshotWire.Of, (w, _) => w.ToDomain()),
    ];

    private static readonly WireCodecTable Table = new(Codecs, "the ledger's wire format");

    private readonly ReferenceData reference;

    /// <summary>Called by Akka.NET; throws <see cref="ConfigurationException"/> when the system was created without a <see cref="LedgerSerializerSetup"/>.</summary>
    public LedgerSerializer(ExtendedActorSystem system)
        : base(system)
    {
        reference = LedgerSerializerSetup.ReferenceOf(system, "The ledger's serializer");
    }

    public override int Identifier => SerializerIdentifier;

    /// <summary>Every type this serializer writes, for the round-trip tests.</summary>
    public static IReadOnlyCollection<Type> SupportedTypes => Table.WrittenTypes;

    /// <summary>The manifests this release writes into the journal and the snapshot store.</summary>
    public static IReadOnlyList<string> WrittenManifests => Table.WrittenManifests;

    /// <summary>Every manifest this release reads: those it writes and those of earlier releases.</summary>
    public static IReadOnlyList<string> ReadManifests => Table.ReadManifests;

    public static string ManifestFor(Type type) => Table.WriterFor(type).Manifest;

    public override string Manifest(object o) => ManifestFor(o.GetType());

    public override byte[] ToBinary(object obj) => Payload(obj);

    /// <summary>The bytes <see cref="ToBinary"/> writes for <paramref name="obj"/>, without an actor system (for the benchmark's profile).</summary>
    public static byte[] Payload(object obj) => Table.WriterFor(obj.GetType()).Write!(obj);

    public override object FromBinary(byte[] bytes, string manifest) => FromPayload(bytes, manifest, reference);

    /// <summary>
    /// What <see cref="FromBinary"/> reads from <paramref name="bytes"/>, without an actor system (for the
    /// benchmark's recovery steps). A value the wire holds but the domain refuses (a credit code, a
    /// principal id, an indicator code missing from <paramref name="reference"/>) is a damaged payload,
    /// not a bug: it fails with the manifest in the message.
    /// </summary>
    public static object FromPayload(byte[] bytes, string manifest, ReferenceData reference)
    {
        return Table.ReaderFor(manifest).Decode(bytes, reference);
    }

    /// <summary>
    /// The JSON of <paramref name="obj"/>'s wire record as the audit trail keeps it: the members and
    /// values of its payload, escaped as <see cref="WireJson.Audit"/> says. Only for manifests whose
    /// payload is its wire record's JSON.
    /// </summary>
    public static string AuditJson(object obj) =>
        Table.WriterFor(obj.GetType()).ToWire is { } toWire
            ? JsonSerializer.Serialize(toWire(obj), WireJson.Audit)
            : throw new SerializationException($"{ManifestFor(obj.GetType())} is not written as its wire record's JSON.");
}
