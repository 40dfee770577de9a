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
    /// <paramref name="lines"/> as bytes, indexing into the tables of <paramref name="like"/> or
    /// <paramref name="orLike"/> (months of the same book) when they hold every indicator and district
    /// of the lines (<see cref="SharedTable"/>).
    /// </summary>
    public static BookLines Of(IReadOnlyCollection<AllocationLine> lines, BookLines? like, BookLines? orLike)
    {
        if (lines.Count == 0)
        {
            return Empty;
        }

        var indicators = SharedTable.Holding(like?.indicators, orLike?.indicators, lines, static l => l.Indicator);
        var districts = SharedTable.Holding(like?.districts, orLike?.districts, lines, static l => l.District);

        if (indicators.Length > byte.MaxValue || districts.Length > byte.MaxValue)
        {
            throw new ArgumentException($"A month's lines name {indicators.Length} indicators and {districts.Length} districts; at most {byte.MaxValue} of each.", nameof(lines));
        }

        var writer = new PackedWriter(lines.Count * 24);
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
        var reader = new PackedReader(bytes);
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
        var reader = new PackedReader(bytes);
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
}
