using System.Buffers.Binary;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// A 32-byte digest of an agreement's event chain (an SM3 hash, GB/T 32905-2016): the link an event
/// carries and, on an approved month review, the month's seal. A value type with value equality, so a
/// seal is compared with a chain head by <c>==</c>; written as 64 lowercase hex digits.
/// </summary>
public readonly record struct ChainDigest
{
    public const int Length = 32;

    private readonly ulong a;
    private readonly ulong b;
    private readonly ulong c;
    private readonly ulong d;

    private ChainDigest(ulong a, ulong b, ulong c, ulong d)
    {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
    }

    /// <summary>What the first sealed event of an agreement links to: no event before it.</summary>
    public static ChainDigest Zero => default;

    public static ChainDigest Of(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length
            ? new ChainDigest(
                BinaryPrimitives.ReadUInt64BigEndian(bytes),
                BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
                BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
                BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]))
            : throw new FormatException($"A chain digest is {Length} bytes; got {bytes.Length}.");

    /// <summary>Parses 64 hex digits (either case).</summary>
    public static ChainDigest Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != Length * 2)
        {
            throw new FormatException($"A chain digest is {Length * 2} hex digits; got {hex.Length} characters.");
        }

        return Of(Convert.FromHexString(hex));
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], d);
    }

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
