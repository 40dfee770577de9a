using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// The allocation lines of one <see cref="BookMonth"/>, kept as bytes: every month of every book stays
/// in memory while its agreement is live, millions of lines, and as <see cref="AllocationLine"/>
/// objects they were two thirds of an agreement's memory (168 bytes a line; about 17 here). A line is
/// its indicator and district (indexes into two small tables, shared by the months of a book that use
/// the same ones), a flags byte and its amounts, each written exactly: sign and scale in one varint,
/// the 96-bit mantissa in another, so <c>100.10</c> comes back as <c>100.10</c> and a negative zero as
/// one. The enterprise and month are the book's and the month's, not repeated.
/// </summary>
internal sealed class BookLines
{
    private readonly byte[] bytes;
    private readonly ImmutableArray<Indicator> indicators;
    private readonly ImmutableArray<DistrictCode> districts;

    private BookLines(byte[] bytes, int count, ImmutableArray<Indicator> indicators, ImmutableArray<DistrictCode> districts)
    {
        this.bytes = bytes;
        Count = count;
        this.indicators = indicators;
        this.districts = districts;
    }

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        CapBefore = 1,
        CapAfter = 2,
        DoubleCount = 4,
    }

    public static BookLines Empty { get; } = new([], 0, [], []);

    public int Count { get; }

    /// <summary>
    /// <paramref name="lines"/> as bytes. The tables of <paramref name="like"/> (a neighbouring month
    /// of the same book) are taken when they hold every indicator and district of the lines, so the
    /// months of a book share one pair.
    /// </summary>
    public static BookLines Of(IReadOnlyCollection<AllocationLine> lines, BookLines? like)
    {
        if (lines.Count == 0)
        {
            return Empty;
        }

        var indicators = like?.indicators ?? [];
        var districts = like?.districts ?? [];
        foreach (var line in lines)
        {
            if (!indicators.Contains(line.Indicator))
            {
                indicators = indicators.Add(line.Indicator);
            }

            if (!districts.Contains(line.District))
            {
                districts = districts.Add(line.District);
            }
        }

        if (indicators.Length > byte.MaxValue || districts.Length > byte.MaxValue)
        {
            throw new ArgumentException($"A month's lines name {indicators.Length} indicators and {districts.Length} districts; at most {byte.MaxValue} of each.", nameof(lines));
        }

        var writer = new Writer(lines.Count * 24);
        foreach (var line in lines)
        {
            writer.Byte((byte)indicators.IndexOf(line.Indicator));
            writer.Byte((byte)districts.IndexOf(line.District));
            writer.Byte((byte)((line.CapRemainingBefore is null ? Flags.None : Flags.CapBefore)
                | (line.CapRemainingAfter is null ? Flags.None : Flags.CapAfter)
                | (line.DoubleCount ? Flags.DoubleCount : Flags.None)));
            writer.Decimal(line.Amount);
            writer.Decimal(line.Ratio);
            writer.Decimal(line.BasePart);
            writer.Decimal(line.SharedPart);
            if (line.CapRemainingBefore is { } before)
            {
                writer.Decimal(before);
            }

            if (line.CapRemainingAfter is { } after)
            {
                writer.Decimal(after);
            }
        }

        return new BookLines(writer.ToArray(), lines.Count, indicators, districts);
    }

    /// <summary>The lines of <paramref name="enterprise"/> in <paramref name="month"/>, in the order they were given.</summary>
    public ImmutableArray<AllocationLine> Unpack(CreditCode enterprise, YearMonth month)
    {
        var result = ImmutableArray.CreateBuilder<AllocationLine>(Count);
        var reader = new Reader(bytes);
        for (var k = 0; k < Count; k++)
        {
            var indicator = indicators[reader.Byte()];
            var district = districts[reader.Byte()];
            var flags = (Flags)reader.Byte();
            result.Add(new AllocationLine(
                enterprise,
                indicator,
                month,
                district,
                reader.Decimal(),
                reader.Decimal(),
                reader.Decimal(),
                reader.Decimal(),
                (flags & Flags.CapBefore) != 0 ? reader.Decimal() : null,
                (flags & Flags.CapAfter) != 0 ? reader.Decimal() : null,
                (flags & Flags.DoubleCount) != 0));
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// The sum of the amounts of the lines <paramref name="counts"/> takes (given indicator, district and
    /// whether the line is a double-count credit), without making a line object.
    /// </summary>
    public decimal Sum(Func<Indicator, DistrictCode, bool, bool> counts)
    {
        var sum = 0m;
        var reader = new Reader(bytes);
        for (var k = 0; k < Count; k++)
        {
            var indicator = indicators[reader.Byte()];
            var district = districts[reader.Byte()];
            var flags = (Flags)reader.Byte();
            var amount = reader.Decimal();
            reader.SkipDecimals(3 + ((flags & Flags.CapBefore) != 0 ? 1 : 0) + ((flags & Flags.CapAfter) != 0 ? 1 : 0));
            if (counts(indicator, district, (flags & Flags.DoubleCount) != 0))
            {
                sum += amount;
            }
        }

        return sum;
    }

    private sealed class Writer(int capacity)
    {
        private byte[] buffer = new byte[Math.Max(capacity, 16)];
        private int length;

        public void Byte(byte value)
        {
            Reserve(1);
            buffer[length++] = value;
        }

        /// <summary>Sign and scale (<c>scale * 2 + sign</c>, one byte), then the mantissa as a base-128 varint.</summary>
        public void Decimal(decimal value)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            Byte((byte)((((bits[3] >> 16) & 0xFF) << 1) | (bits[3] < 0 ? 1 : 0)));

            // The mantissa's words are its bits, not signed numbers: reinterpreted, never range-checked.
            var mantissa = unchecked(new UInt128((ulong)(uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]));
            do
            {
                var low = (byte)(mantissa & 0x7F);
                mantissa >>= 7;
                Byte(mantissa == 0 ? low : (byte)(low | 0x80));
            }
            while (mantissa != 0);
        }

        public byte[] ToArray() => buffer[..length];

        private void Reserve(int count)
        {
            if (length + count > buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> bytes = bytes;
        private int at;

        public byte Byte() => bytes[at++];

        public decimal Decimal()
        {
            var head = Byte();
            var mantissa = UInt128.Zero;
            var shift = 0;
            byte next;
            do
            {
                next = Byte();
                mantissa |= (UInt128)(next & 0x7F) << shift;
                shift += 7;
            }
            while ((next & 0x80) != 0);

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
    }
}
