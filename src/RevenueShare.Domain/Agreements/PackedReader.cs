namespace RevenueShare.Domain.Agreements;

/// <summary>Reads what <see cref="PackedWriter"/> wrote, in the same order.</summary>
internal ref struct PackedReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> bytes = bytes;

    private int at;

    public byte Byte() => bytes[at++];

    public int Count() => checked((int)Varint());

    public decimal Decimal()
    {
        var head = Byte();
        var mantissa = Varint();
        return unchecked(new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), (head & 1) != 0, (byte)(head >> 1)));
    }

    public void SkipDecimals(int count)
    {
        for (var k = 0; k < count; k++)
        {
            at++;
            while ((bytes[at++] & 0x80) != 0)
            {
            }
        }
    }

    public string Text()
    {
        var length = Count();
        Span<char> chars = length <= 256 ? stackalloc char[length] : new char[length];
        for (var k = 0; k < length; k++)
        {
            chars[k] = Char();
        }

        return new string(chars);
    }

    /// <summary>Whether the next text equals <paramref name="text"/>; reads it either way.</summary>
    public bool TextEquals(ReadOnlySpan<char> text)
    {
        var length = Count();
        var equal = length == text.Length;
        for (var k = 0; k < length; k++)
        {
            var c = Char();
            equal = equal && c == text[k];
        }

        return equal;
    }

    private UInt128 Varint()
    {
        var value = UInt128.Zero;
        var shift = 0;
        byte next;
        do
        {
            next = Byte();
            value |= (UInt128)(next & 0x7F) << shift;
            shift += 7;
        }
        while ((next & 0x80) != 0);

        return value;
    }

    private char Char()
    {
        var first = Byte();
        if (first < 0x80)
        {
            return (char)first;
        }

        if (first < 0xE0)
        {
            return (char)(((first & 0x1F) << 6) | (Byte() & 0x3F));
        }

        var second = Byte();
        return (char)(((first & 0x0F) << 12) | ((second & 0x3F) << 6) | (Byte() & 0x3F));
    }
}
