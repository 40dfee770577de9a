using System.Numerics;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Allocation;

/// <summary>
/// The largest-remainder split of docs/allocation.md, Largest remainder. Each part is its exact share
/// truncated toward zero to the scale; the units left over go one each to the parts whose truncated-away
/// remainders are largest in absolute value, ties to the earlier index. The parts always sum to the
/// amount exactly and no part is ever a whole unit or more from its exact share.
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

        if (percents.All(percent => percent == 0m))
        {
            throw new ArgumentException("The weights must have a positive sum.", nameof(percents));
        }

        // Integers throughout: the shares are compared and truncated exactly, which decimal division
        // (28 significant digits) cannot promise for every weight. Int128 when every product
        // units × weight is sure to fit (the usual percents and amounts), BigInteger otherwise; the
        // arithmetic is the same either way.
        var units = amount / unit;
        return FitsInt128(units, percents)
            ? Distribute(Int128.CreateChecked(units), ToCommonIntegers<Int128>(percents), unit, scale)
            : Distribute(new BigInteger(units), ToCommonIntegers<BigInteger>(percents), unit, scale);
    }

    /// <summary>
    /// As <see cref="Split(decimal, IReadOnlyList{decimal}, int)"/>, by whole-number weights of any size:
    /// shares that are exact fractions (<see cref="FormulaRatios"/>) are passed as the numerators over
    /// their common denominator, which no decimal could hold unrounded.
    /// </summary>
    public static decimal[] Split(decimal amount, IReadOnlyList<BigInteger> weights, int scale)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0 || weights.Any(w => w.Sign < 0) || weights.All(w => w.IsZero))
        {
            throw new ArgumentException("The weights must be ≥ 0 with a positive sum.", nameof(weights));
        }

        var unit = Amounts.Unit(scale);
        if (Amounts.Round(amount, scale) != amount)
        {
            throw new ArgumentException($"{amount} has more than {scale} digits after the decimal point; the split never rounds its input.", nameof(amount));
        }

        return Distribute(new BigInteger(amount / unit), [.. weights], unit, scale);
    }

    private static decimal[] Distribute<T>(T units, T[] weights, decimal unit, int scale)
        where T : IBinaryInteger<T>
    {
        var total = T.Zero;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var parts = new T[weights.Length];
        var remainders = new T[weights.Length];
        var leftover = units;
        for (var k = 0; k < weights.Length; k++)
        {
            (parts[k], remainders[k]) = T.DivRem(units * weights[k], total);
            leftover -= parts[k];
        }

        // |leftover| is below the number of non-zero remainders, so zero-weight parts never get a unit.
        var order = ByLargestRemainder(remainders);
        var step = T.CreateChecked(T.Sign(leftover));
        var count = int.CreateChecked(T.Abs(leftover));
        for (var n = 0; n < count; n++)
        {
            parts[order[n]] += step;
        }

        var result = new decimal[weights.Length];
        for (var k = 0; k < weights.Length; k++)
        {
            result[k] = Amounts.Round(decimal.CreateChecked(parts[k]) * unit, scale);
        }

        return result;
    }

    /// <summary>
    /// The indexes by |remainder|, largest first, ties to the earlier index (an insertion sort: a
    /// handful of parties, and the order is total, so any correct sort gives the same result).
    /// </summary>
    private static int[] ByLargestRemainder<T>(T[] remainders)
        where T : IBinaryInteger<T>
    {
        var order = new int[remainders.Length];
        for (var k = 0; k < order.Length; k++)
        {
            var n = k;
            while (n > 0 && T.Abs(remainders[order[n - 1]]) < T.Abs(remainders[k]))
            {
                order[n] = order[n - 1];
                n--;
            }

            order[n] = k;
        }

        return order;
    }

    /// <summary>
    /// Whether Int128 holds every intermediate: units below 10^19 and weights below 10^9 with at most
    /// nine decimals make each weight's whole number below 10^18 and each product below 10^37.
    /// </summary>
    private static bool FitsInt128(decimal units, IReadOnlyList<decimal> weights)
    {
        if (Math.Abs(units) >= 10_000_000_000_000_000_000m)
        {
            return false;
        }

        foreach (var weight in weights)
        {
            if (weight.Scale > 9 || weight >= 1_000_000_000m)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The weights scaled by one power of ten so that every one is a whole number.</summary>
    private static T[] ToCommonIntegers<T>(IReadOnlyList<decimal> weights)
        where T : IBinaryInteger<T>
    {
        var scale = 0;
        foreach (var weight in weights)
        {
            scale = Math.Max(scale, (int)weight.Scale);
        }

        var result = new T[weights.Count];
        for (var k = 0; k < weights.Count; k++)
        {
            var weight = weights[k];
            var mantissa = T.CreateChecked(weight * Pow10(weight.Scale));
            result[k] = mantissa * Power(T.CreateChecked(10), scale - weight.Scale);
        }

        return result;
    }

    private static T Power<T>(T value, int exponent)
        where T : IBinaryInteger<T>
    {
        var result = T.One;
        for (var i = 0; i < exponent; i++)
        {
            result *= value;
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
