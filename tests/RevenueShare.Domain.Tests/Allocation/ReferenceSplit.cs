using System.Globalization;
using System.Numerics;
using Fractions;

namespace RevenueShare.Domain.Tests.Allocation;

/// <summary>
/// docs/allocation.md, Largest remainder, computed a second way for the property tests: exact fractions
/// (the Fractions package) and the rule's three sentences, one step each, written from the text and not
/// from <see cref="Domain.Allocation.LargestRemainder"/> (which works in scaled integers of Int128 or
/// BigInteger and ranks by insertion sort). Slow and plain on purpose.
/// </summary>
internal static class ReferenceSplit
{
    /// <summary>The parts of <paramref name="amount"/> (at <paramref name="scale"/>) by <paramref name="weights"/>, relative to their sum.</summary>
    public static decimal[] Split(decimal amount, IReadOnlyList<decimal> weights, int scale)
    {
        var unit = new Fraction(BigInteger.One, BigInteger.Pow(10, scale));
        var units = Fraction.FromDecimal(amount) / unit;
        var total = weights.Aggregate(Fraction.Zero, (sum, weight) => sum + Fraction.FromDecimal(weight));

        // 1. Each party's exact share, in units, truncated toward zero.
        var exact = weights.Select(weight => units * Fraction.FromDecimal(weight) / total).ToArray();
        var parts = exact.Select(share => BigInteger.Divide(share.Numerator, share.Denominator)).ToArray();

        // 2. The units left over, one each, to the largest remainders in absolute value;
        // 3. among equal remainders the party listed first (OrderByDescending is stable; ThenBy says so).
        var leftover = BigInteger.Divide(units.Numerator, units.Denominator) - parts.Aggregate(BigInteger.Zero, (sum, part) => sum + part);
        var byRemainder = Enumerable.Range(0, parts.Length)
            .OrderByDescending(k => Fraction.Abs(exact[k] - new Fraction(parts[k])))
            .ThenBy(k => k)
            .ToArray();
        for (var n = 0; n < BigInteger.Abs(leftover); n++)
        {
            parts[byRemainder[n]] += leftover.Sign;
        }

        return [.. parts.Select(part => ToAmount(part, scale))];
    }

    /// <summary>Whole units as an amount with exactly <paramref name="scale"/> decimals (0.00, not 0).</summary>
    private static decimal ToAmount(BigInteger units, int scale)
    {
        var digits = BigInteger.Abs(units).ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
        var text = (units.Sign < 0 ? "-" : string.Empty) + digits[..^scale] + (scale > 0 ? "." + digits[^scale..] : string.Empty);
        return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }
}
