using System.Numerics;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Allocation;

/// <summary>
/// The ratios of a formula term for one year (docs/allocation.md, Formula shares): the head office
/// keeps its fixed percent, and the rest follows each party's weighted share of the previous year's
/// factors. A factor whose total is 0 has no say; if every total is 0 the rest goes to the registered
/// district. The percents are exact to 2 decimals by the largest-remainder rule and sum to exactly 100.
/// </summary>
public static class FormulaRatios
{
    /// <summary>Percents carry 2 decimals, as every ratio in the terms does.</summary>
    private const int PercentScale = 2;

    /// <summary>
    /// One percent per party, in the order of <paramref name="factors"/> (the terms' party order).
    /// </summary>
    /// <param name="factors">Each party's factors of the year before.</param>
    /// <param name="hq">The index of the head office's party.</param>
    /// <param name="hqPercent">The head office's fixed percent, 0 to 100.</param>
    /// <param name="weights">The factors' weights, percents summing to 100.</param>
    /// <param name="registered">The index of the registered district's party.</param>
    public static decimal[] Percents(IReadOnlyList<ApportionmentFactors> factors, int hq, decimal hqPercent, ApportionmentFactors weights, int registered)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentOutOfRangeException.ThrowIfNegative(hq);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(hq, factors.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(registered);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(registered, factors.Count);
        if (hqPercent is < 0m or > 100m || Amounts.Round(hqPercent, PercentScale) != hqPercent)
        {
            throw new ArgumentOutOfRangeException(nameof(hqPercent), hqPercent, "The head office's percent is from 0 to 100, with at most 2 decimals.");
        }

        var rest = checked(100m - hqPercent);
        var percents = new decimal[factors.Count];
        var shares = Shares(factors, weights);
        if (rest != 0m)
        {
            if (shares is null)
            {
                percents[registered] = rest;
            }
            else
            {
                percents = LargestRemainder.Split(rest, shares, PercentScale);
            }
        }

        percents[hq] = checked(percents[hq] + hqPercent);
        return percents;
    }

    /// <summary>
    /// Each party's weighted share f(d) = Σₖ w(k) × F(k,d) / ΣF(k), as whole numbers proportional to it
    /// (the numerators over the product of the positive totals), so the split is exact; null when every
    /// factor's total is 0.
    /// </summary>
    private static BigInteger[]? Shares(IReadOnlyList<ApportionmentFactors> factors, ApportionmentFactors weights)
    {
        var amounts = new BigInteger[ApportionmentFactors.Count][];
        var totals = new BigInteger[ApportionmentFactors.Count];
        for (var k = 0; k < ApportionmentFactors.Count; k++)
        {
            amounts[k] = [.. factors.Select(f => Units(f[k], nameof(factors)))];
            totals[k] = amounts[k].Aggregate(BigInteger.Zero, (sum, a) => sum + a);
        }

        var counted = Enumerable.Range(0, ApportionmentFactors.Count).Where(k => !totals[k].IsZero).ToArray();
        if (counted.Length == 0)
        {
            return null;
        }

        var shares = new BigInteger[factors.Count];
        foreach (var k in counted)
        {
            var others = counted.Where(j => j != k).Aggregate(BigInteger.One, (product, j) => product * totals[j]);
            var weight = Units(weights[k], nameof(weights));
            for (var d = 0; d < factors.Count; d++)
            {
                shares[d] += weight * amounts[k][d] * others;
            }
        }

        // Weights of 0 on every factor with a positive total leave no share: the registered district takes the rest.
        return shares.All(s => s.IsZero) ? null : shares;
    }

    /// <summary>A factor or weight in hundredths, refused when negative or finer than 2 decimals.</summary>
    private static BigInteger Units(decimal value, string name) =>
        value >= 0m && Amounts.Round(value, PercentScale) == value
            ? new BigInteger(value * 100m)
            : throw new ArgumentOutOfRangeException(name, value, "Factors and weights are ≥ 0 with at most 2 decimals.");
}
