using System.Buffers.Binary;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Sealing;

/// <summary>
/// The link of an agreement's SM3 chain (GB/T 32905-2016, through BouncyCastle): the digest of an event
/// is the SM3 hash of
/// <code>
/// previous digest (32 bytes) | persistence id: length (4, big-endian), UTF-8 | sequence number (8, big-endian)
/// | manifest: length (4), UTF-8 | payload: length (4), bytes
/// </code>
/// so an event cannot be changed, moved to another position or agreement, or read as another manifest
/// without its digest, and every later one, changing. The payload is the event's stored bytes, as the
/// journal holds them inside its <c>sealed-event.v1</c> envelope (docs/storage.md, Tamper evidence).
/// </summary>
public static class EventChain
{
    public static ChainDigest Link(ChainDigest previous, string persistenceId, long sequenceNr, string manifest, ReadOnlySpan<byte> payload)
    {
        var sm3 = new SM3Digest();
        Span<byte> fixedPart = stackalloc byte[ChainDigest.Length];
        previous.WriteTo(fixedPart);
        sm3.BlockUpdate(fixedPart);
        Text(sm3, persistenceId);
        BinaryPrimitives.WriteInt64BigEndian(fixedPart, sequenceNr);
        sm3.BlockUpdate(fixedPart[..8]);
        Text(sm3, manifest);
        Length(sm3, payload.Length);
        sm3.BlockUpdate(payload);
        Span<byte> digest = stackalloc byte[ChainDigest.Length];
        sm3.DoFinal(digest);
        return ChainDigest.Of(digest);
    }

    private static void Text(SM3Digest sm3, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Length(sm3, bytes.Length);
        sm3.BlockUpdate(bytes);
    }

    private static void Length(SM3Digest sm3, int length)
    {
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(prefix, length);
        sm3.BlockUpdate(prefix);
    }
}
