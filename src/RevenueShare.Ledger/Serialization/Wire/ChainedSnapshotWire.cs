using System.Runtime.Serialization;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// The stored form of <c>agreement-snapshot.v3</c>, <c>.v4</c> and <c>.v5</c>: the agreement's SM3
/// chain head, then its state in the layout of <see cref="AgreementSnapshotV2Wire"/>, in its format 1
/// for v3, format 2 (with factor reports and formula terms) for v4 and format 3 (with history, its
/// certifications and derived amounts) for v5. Only v5 is written.
/// <code>
/// chain head (32 bytes) | the compact state's bytes
/// </code>
/// </summary>
public static class ChainedSnapshotWire
{
    public const string Manifest = "agreement-snapshot.v5";

    public const string V4Manifest = "agreement-snapshot.v4";

    public const string V3Manifest = "agreement-snapshot.v3";

    public static byte[] Write(ChainedAgreementSnapshot snapshot)
    {
        var state = AgreementSnapshotV2Wire.Write(snapshot.State);
        var bytes = new byte[ChainDigest.Length + state.Length];
        snapshot.ChainHead.WriteTo(bytes);
        state.CopyTo(bytes, ChainDigest.Length);
        return bytes;
    }

    public static ChainedAgreementSnapshot Read(byte[] bytes, ReferenceData reference) =>
        bytes.Length > ChainDigest.Length
            ? new ChainedAgreementSnapshot(AgreementSnapshotV2Wire.Read(bytes.AsMemory(ChainDigest.Length), reference), ChainDigest.Of(bytes.AsSpan(0, ChainDigest.Length)))
            : throw new SerializationException("The chained agreement snapshot ends too early.");
}
