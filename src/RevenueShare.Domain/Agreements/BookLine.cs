using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// One allocation line as a <see cref="BookMonth"/> keeps it: without the enterprise and month its
/// book and month already say, and with each amount packed into 64 bits (sign, scale and a mantissa of
/// up to 57 bits, far beyond any figure: 10^15 yuan at two decimals). A line is kept for every figure
/// and party the ledger ever booked, millions of them in memory, and as an
/// <see cref="AllocationLine"/> each cost 168 bytes; packed it is a struct of 80 in its month's array.
/// A line with an amount that does not pack (a mantissa of 58 bits or more) keeps the line itself.
/// Exact both ways: a packed amount unpacks to the same decimal, scale and sign of zero included.
/// </summary>
internal readonly struct BookLine
{
    private const int MantissaBits = 57;
    private const int ScaleShift = MantissaBits;
    private const int SignShift = MantissaBits + 5;
    private const long MantissaMask = (1L << MantissaBits) - 1;

    private readonly AllocationLine? unpacked;
    private readonly long amount;
    private readonly long ratio;
    private readonly long basePart;
    private readonly long sharedPart;
    private readonly long capBefore;
    private readonly long capAfter;
    private readonly Flags flags;

    private BookLine(AllocationLine line)
    {
        Indicator = line.Indicator;
        District = line.District;
        if (TryPack(line.Amount, out amount) && TryPack(line.Ratio, out ratio) && TryPack(line.BasePart, out basePart)
            && TryPack(line.SharedPart, out sharedPart) && TryPack(line.CapRemainingBefore ?? 0m, out capBefore)
            && TryPack(line.CapRemainingAfter ?? 0m, out capAfter))
        {
            flags = (line.CapRemainingBefore is null ? Flags.None : Flags.CapBefore)
                | (line.CapRemainingAfter is null ? Flags.None : Flags.CapAfter)
                | (line.DoubleCount ? Flags.DoubleCount : Flags.None);
        }
        else
        {
            unpacked = line;
        }
    }

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        CapBefore = 1,
        CapAfter = 2,
        DoubleCount = 4,
    }

    public Indicator Indicator { get; }

    public DistrictCode District { get; }

    public decimal Amount => unpacked?.Amount ?? Unpack(amount);

    public bool DoubleCount => unpacked?.DoubleCount ?? (flags & Flags.DoubleCount) != 0;

    public static BookLine Of(AllocationLine line) => new(line);

    /// <summary>The line of <paramref name="enterprise"/> and <paramref name="month"/>, the book and month that keep it.</summary>
    public AllocationLine ToLine(CreditCode enterprise, YearMonth month) => unpacked ?? new AllocationLine(
        enterprise,
        Indicator,
        month,
        District,
        Unpack(amount),
        Unpack(ratio),
        Unpack(basePart),
        Unpack(sharedPart),
        (flags & Flags.CapBefore) != 0 ? Unpack(capBefore) : null,
        (flags & Flags.CapAfter) != 0 ? Unpack(capAfter) : null,
        (flags & Flags.DoubleCount) != 0);

    /// <summary>Sign in bit 62, scale (0–28) in bits 57–61, the mantissa below; false when the mantissa needs more bits.</summary>
    internal static bool TryPack(decimal value, out long packed)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        // The mantissa's words are its bits, not signed numbers: reinterpreted, never range-checked.
        var mantissa = unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        if (bits[2] != 0 || mantissa > MantissaMask)
        {
            packed = 0;
            return false;
        }

        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0 ? 1L : 0L;
        packed = (negative << SignShift) | ((long)scale << ScaleShift) | (long)mantissa;
        return true;
    }

    internal static decimal Unpack(long packed)
    {
        var mantissa = packed & MantissaMask;
        return new decimal(unchecked((int)mantissa), (int)(mantissa >> 32), 0, ((packed >> SignShift) & 1) != 0, (byte)((packed >> ScaleShift) & 0x1F));
    }
}
