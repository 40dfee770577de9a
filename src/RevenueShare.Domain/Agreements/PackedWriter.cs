namespace RevenueShare.Domain.Agreements;

/// <summary>
/// Writes the in-memory packed form of an agreement's books and reports (<see cref="BookLines"/>,
/// <see cref="BookMonthFigures"/>, <see cref="ReportColumns"/>): varints, exact decimals and text. Not a stored
/// format: it may change with any build, and nothing outside the process ever reads it.
/// </summary>
internal sealed class PackedWriter(int capacity)
{
    private byte[] buffer = new byte[Math.Max(capacity, 16)];

    public int Length { get; private set; }

    public void Byte(byte value)
    {
        Reserve(1);
        buffer[Length++] = value;
    }

    /// <summary>A non-negative number as a base-128 varint.</summary>
    public void Count(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Varint((uint)value);
    }

    /// <summary>Sign and scale (<c>scale * 2 + sign</c>, one byte), then the mantissa as a base-128 varint.</summary>
    public void Decimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        Byte((byte)((((bits[3] >> 16) & 0xFF) << 1) | (bits[3] < 0 ? 1 : 0)));

        // The mantissa's words are its bits, not signed numbers: reinterpreted, never range-checked.
        Varint(unchecked(new UInt128((ulong)(uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0])));
    }

    /// <summary>
    /// Text as its length in UTF-16 code units, then each code unit as UTF-8 encodes a character of
    /// its value (one byte for ASCII). Unlike UTF-8 proper it keeps a lone surrogate, so every string
    /// comes back exactly; identifiers are ASCII as a rule, a byte a character instead of two.
    /// </summary>
    public void Text(ReadOnlySpan<char> text)
    {
        Count(text.Length);
        Reserve(text.Length * 3);
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                buffer[Length++] = (byte)c;
            }
            else if (c < 0x800)
            {
                buffer[Length++] = (byte)(0xC0 | (c >> 6));
                buffer[Length++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                buffer[Length++] = (byte)(0xE0 | (c >> 12));
                buffer[Length++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                buffer[Length++] = (byte)(0x80 | (c & 0x3F));
            }
        }
    }

    public byte[] ToArray() => buffer[..Length];

    /// <summary>The bytes written so far, without a copy; valid until the next write.</summary>
    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    private void Varint(UInt128 value)
    {
        do
        {
            var low = (byte)(value & 0x7F);
            value >>= 7;
            Byte(value == 0 ? low : (byte)(low | 0x80));
        }
        while (value != 0);
    }

    private void Reserve(int count)
    {
        if (Length + count > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Length + count));
        }
    }
}
