using System.Buffers.Binary;
using System.Runtime.Serialization;
using System.Text;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Sealing;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// The stored form of <c>sealed-event.v1</c>: an agreement event inside its link of the SM3 chain.
/// <code>
/// previous digest (32 bytes) | digest (32) | manifest: length (4, big-endian), UTF-8 | payload: length (4), bytes
/// </code>
/// The payload is the event's bytes under its own manifest, unchanged, so every event codec keeps its
/// golden payloads and the digest is recomputed from exactly what is stored (<see cref="EventChain"/>).
/// </summary>
public static class SealedEventWire
{
    public const string Manifest = "sealed-event.v1";

    private const int HeadLength = (2 * ChainDigest.Length) + 4;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Write(SealedEvent sealedEvent)
    {
        var manifest = Utf8.GetBytes(sealedEvent.Manifest);
        var bytes = new byte[HeadLength + manifest.Length + 4 + sealedEvent.Payload.Length];
        var span = bytes.AsSpan();
        sealedEvent.Previous.WriteTo(span);
        sealedEvent.Digest.WriteTo(span[ChainDigest.Length..]);
        BinaryPrimitives.WriteInt32BigEndian(span[(2 * ChainDigest.Length)..], manifest.Length);
        manifest.CopyTo(span[HeadLength..]);
        BinaryPrimitives.WriteInt32BigEndian(span[(HeadLength + manifest.Length)..], sealedEvent.Payload.Length);
        sealedEvent.Payload.CopyTo(span[(HeadLength + manifest.Length + 4)..]);
        return bytes;
    }

    /// <summary>The envelope's parts, without decoding the event: what a verifier recomputes the digest from.</summary>
    public static (ChainDigest Previous, ChainDigest Digest, string Manifest, byte[] Payload) Open(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeadLength)
        {
            throw new SerializationException($"{Manifest}: the envelope ends too early.");
        }

        var previous = ChainDigest.Of(bytes[..ChainDigest.Length]);
        var digest = ChainDigest.Of(bytes[ChainDigest.Length..(2 * ChainDigest.Length)]);
        var manifestLength = BinaryPrimitives.ReadInt32BigEndian(bytes[(2 * ChainDigest.Length)..]);
        if (manifestLength < 0 || manifestLength > bytes.Length - HeadLength - 4)
        {
            throw new SerializationException($"{Manifest}: the manifest's length {manifestLength} is out of range.");
        }

        var manifest = Utf8.GetString(bytes.Slice(HeadLength, manifestLength));
        var payloadAt = HeadLength + manifestLength + 4;
        var payloadLength = BinaryPrimitives.ReadInt32BigEndian(bytes[(HeadLength + manifestLength)..]);
        if (payloadLength != bytes.Length - payloadAt)
        {
            throw new SerializationException($"{Manifest}: the payload's length {payloadLength} does not match the {bytes.Length - payloadAt} bytes stored.");
        }

        return (previous, digest, manifest, bytes[payloadAt..].ToArray());
    }

    public static SealedEvent Read(byte[] bytes, ReferenceData reference)
    {
        var (previous, digest, manifest, payload) = Open(bytes);
        if (manifest == Manifest)
        {
            throw new SerializationException($"{Manifest}: an envelope holds an event, not another envelope.");
        }

        return LedgerSerializer.FromPayload(payload, manifest, reference) is IAgreementEvent @event
            ? new SealedEvent(@event, manifest, payload, previous, digest)
            : throw new SerializationException($"{Manifest}: {manifest} is not an agreement event.");
    }
}
