using System.Numerics;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Allocation;

/// <summary>
/// The largest-remainder split of PRODUCT.md §5.3. Each part is its exact share truncated toward zero
/// to the scale; the units left over go one each to the parts whose truncated-away remainders are
/// largest in absolute value, ties to the earlier index. The parts always sum to the amount exactly and
/// no part is ever a whole unit or more from its exact share.
/// </summary>
public static class LargestRemainder
{
    /// <summary>
    /// Splits <paramref name="amount"/> (at <paramref name="scale"/>, any sign) by
    /// <paramref name="percents"/>, one part per weight in the same order. Weights are relative to
    /// their sum, so they need not sum to 100 (a capped amount is split among some parties "in their
    /// ratios"); each must be ≥ 0 and their sum positive.
    /// </summary>
    public static decimal[] Split(decimal amount, IReadOnlyList<decimal> percents, int scale)
    {
        ArgumentNullException.ThrowIfNull(percents);
        var unit = Amounts.Unit(scale);
        if (percents.Count == 0)
        {
            throw new ArgumentException("At least one weight is needed to split an amount.", nameof(percents));
        }

        if (Amounts.Round(amount, scale) != amount)
        {
            throw new ArgumentException($"{amount} has more than {scale} digits after the decimal point; the split never rounds its input.", nameof(amount));
        }

        foreach (var percent in percents)
        {
            if (percent < 0m)
            {
                throw new ArgumentException($"Weights must be ≥ 0; got {percent}.", nameof(percents));
            }
        }

        // Integers throughout: the shares are compared and truncated exactly, which decimal division
        // (28 significant digits) cannot promise for every weight.
        var weights = ToCommonIntegers(percents);
        var total = BigInteger.Zero;
        foreach (var weight in weights)
        {
            total += weight;
        }

        if (total.IsZero)
        {
            throw new ArgumentException("The weights must have a positive sum.", nameof(percents));
        }

        var units = new BigInteger(amount / unit);
        var parts = new BigInteger[weights.Length];
        var remainders = new BigInteger[weights.Length];
        var leftover = units;
        for (var k = 0; k < weights.Length; k++)
        {
            parts[k] = BigInteger.DivRem(units * weights[k], total, out remainders[k]);
            leftover -= parts[k];
        }

        // |leftover| is below the number of non-zero remainders, so zero-weight parts never get a unit.
        var order = Enumerable.Range(0, weights.Length)
            .OrderByDescending(k => BigInteger.Abs(remainders[k]))
            .ThenBy(k => k)
            .ToArray();
        var step = leftover.Sign;
        var count = (int)BigInteger.Abs(leftover);
        for (var n = 0; n < count; n++)
        {
            parts[order[n]] += step;
        }

        var result = new decimal[weights.Length];
        for (var k = 0; k < weights.Length; k++)
        {
            result[k] = Amounts.Round((decimal)parts[k] * unit, scale);
        }

        return result;
    }

    /// <summary>The weights scaled by one power of ten so that every one is a whole number.</summary>
    private static BigInteger[] ToCommonIntegers(IReadOnlyList<decimal> weights)
    {
        var scale = 0;
        foreach (var weight in weights)
        {
            scale = Math.Max(scale, (int)weight.Scale);
        }

        var result = new BigInteger[weights.Count];
        for (var k = 0; k < weights.Count; k++)
        {
            var weight = weights[k];
            var mantissa = new BigInteger(weight * Pow10(weight.Scale));
            result[k] = mantissa * BigInteger.Pow(10, scale - weight.Scale);
        }

        return result;
    }

    private static decimal Pow10(int exponent)
    {
        var value = 1m;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10m;
        }

        return value;
    }
}
