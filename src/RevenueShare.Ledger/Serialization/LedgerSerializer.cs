using System.Collections.Frozen;
using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Numbering;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// The journal's own wire format: System.Text.Json payloads under fixed string manifests, so renaming
/// or moving a CLR type never breaks replay. A new shape of an event gets a new manifest (<c>.v2</c>)
/// and the old one stays readable. The one binary payload: <see cref="CompactAgreementSnapshot"/>
/// (<see cref="CompactSnapshotFormat"/>), since an agreement's whole state is too large for JSON.
/// </summary>
public sealed class LedgerSerializer : SerializerWithStringManifest
{
    public const int SerializerIdentifier = 4401;

    private const string CompactSnapshotManifest = "agreement-snapshot.v2";

    private static readonly FrozenDictionary<Type, string> ManifestOf = new Dictionary<Type, string>
    {
        [typeof(AgreementCreated)] = "agreement-created.v1",
        [typeof(DraftEdited)] = "draft-edited.v1",
        [typeof(AgreementSubmitted)] = "agreement-submitted.v1",
        [typeof(AgreementCountersigned)] = "agreement-countersigned.v1",
        [typeof(AgreementApproved)] = "agreement-approved.v1",
        [typeof(AgreementRejected)] = "agreement-rejected.v1",
        [typeof(AgreementWithdrawn)] = "agreement-withdrawn.v1",
        [typeof(AgreementSuspended)] = "agreement-suspended.v1",
        [typeof(AgreementResumed)] = "agreement-resumed.v1",
        [typeof(AgreementTerminated)] = "agreement-terminated.v1",
        [typeof(AmendmentProposed)] = "amendment-proposed.v1",
        [typeof(AmendmentCountersigned)] = "amendment-countersigned.v1",
        [typeof(AmendmentApproved)] = "amendment-approved.v1",
        [typeof(AmendmentRejected)] = "amendment-rejected.v1",
        [typeof(AmendmentWithdrawn)] = "amendment-withdrawn.v1",
        [typeof(FiguresBooked)] = FiguresBookedWire.Manifest,
        [typeof(MonthReviewed)] = "month-reviewed.v1",
        [typeof(AgreementSnapshot)] = "agreement-snapshot.v1",
        [typeof(CompactAgreementSnapshot)] = CompactSnapshotManifest,
        [typeof(CoverageGranted)] = "coverage-granted.v1",
        [typeof(CoverageSnapshot)] = "coverage-snapshot.v1",
        [typeof(AgreementNumberIssued)] = "agreement-number-issued.v1",
    }.ToFrozenDictionary();

    /// <summary>Manifests still read but no longer written: the journal keeps every event as it was written.</summary>
    private static readonly FrozenDictionary<string, Type> Superseded = new Dictionary<string, Type>
    {
        ["figures-booked.v1"] = typeof(FiguresBooked),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Type> TypeOf =
        ManifestOf.Select(pair => KeyValuePair.Create(pair.Value, pair.Key)).Concat(Superseded)
            .ToFrozenDictionary(StringComparer.Ordinal);

    public LedgerSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    public override int Identifier => SerializerIdentifier;

    /// <summary>Every manifest this serializer writes, for the round-trip tests.</summary>
    public static IReadOnlyCollection<Type> SupportedTypes => ManifestOf.Keys;

    public static string ManifestFor(Type type) =>
        ManifestOf.TryGetValue(type, out var manifest)
            ? manifest
            : throw new SerializationException($"{type.FullName} has no manifest in the ledger's wire format.");

    public override string Manifest(object o) => ManifestFor(o.GetType());

    public override byte[] ToBinary(object obj) => Payload(obj);

    /// <summary>The bytes <see cref="ToBinary"/> writes for <paramref name="obj"/>, without an actor system (for the benchmark's profile).</summary>
    public static byte[] Payload(object obj)
    {
        _ = ManifestFor(obj.GetType());
        return obj switch
        {
            FiguresBooked booked => FiguresBookedWire.Write(booked),
            CompactAgreementSnapshot snapshot => CompactSnapshotFormat.Write(snapshot.State),
            _ => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), LedgerJson.Options),
        };
    }

    public override object FromBinary(byte[] bytes, string manifest) =>
        manifest switch
        {
            FiguresBookedWire.Manifest => FiguresBookedWire.Read(bytes),
            CompactSnapshotManifest => new CompactAgreementSnapshot(CompactSnapshotFormat.Read(bytes)),
            _ => TypeOf.TryGetValue(manifest, out var type)
                ? JsonSerializer.Deserialize(bytes, type, LedgerJson.Options)
                    ?? throw new SerializationException($"Empty payload for manifest {manifest}.")
                : throw new SerializationException($"Unknown manifest '{manifest}' in the journal."),
        };
}
