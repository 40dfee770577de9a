using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fractions;
using RevenueShare.Domain.Allocation;

namespace RevenueShare.Domain.Tests.Allocation;

/// <summary>The ratios of a formula term (docs/allocation.md, Formula shares), hand-worked and as properties.</summary>
public sealed class FormulaRatiosTests
{
    private static readonly ApportionmentFactors Weights57 = new(35m, 35m, 30m);

    /// <summary>
    /// The worked example: 440106 (hq, 50 %), 440112 (registered), 440113. f = 0.10 / 0.495 / 0.405, so
    /// the rest of 50 is 5.00 / 24.75 / 20.25, and the hq adds its 50.
    /// </summary>
    [Fact]
    public void The_worked_example_gives_55_00_24_75_20_25()
    {
        ApportionmentFactors[] factors = [new(0m, 200.00m, 100.00m), new(600.00m, 300.00m, 600.00m), new(400.00m, 500.00m, 300.00m)];

        var percents = FormulaRatios.Percents(factors, hq: 0, hqPercent: 50m, Weights57, registered: 1);

        Assert.Equal([55.00m, 24.75m, 20.25m], percents);
        Assert.Equal([550.00m, 247.50m, 202.50m], LargestRemainder.Split(1000.00m, percents, 2));
    }

    /// <summary>
    /// A factor whose total is 0 has no say: with no payroll anywhere, f(A) = (35 × 1/3 + 30 × 1) / 65 and
    /// f(B) = (35 × 2/3) / 65, so the rest of 60 is 38.4615… / 21.5384…; truncated 38.46 / 21.53, and
    /// the cent left goes to B's larger remainder. The hq A adds 40.
    /// </summary>
    [Fact]
    public void A_factor_with_a_zero_total_is_left_out_of_the_weighting()
    {
        ApportionmentFactors[] factors = [new(1.00m, 0m, 1.00m), new(2.00m, 0m, 0m)];

        Assert.Equal([78.46m, 21.54m], FormulaRatios.Percents(factors, hq: 0, hqPercent: 40m, Weights57, registered: 1));
    }

    [Fact]
    public void With_every_factor_total_zero_the_rest_goes_to_the_registered_district()
    {
        ApportionmentFactors[] factors = [new(0m, 0m, 0m), new(0m, 0m, 0m), new(0m, 0m, 0m)];

        Assert.Equal([30.00m, 0m, 70.00m], FormulaRatios.Percents(factors, hq: 0, hqPercent: 30m, Weights57, registered: 2));
    }

    /// <summary>Equal factors and no fixed share: 33.333… each, and the cent left goes to the first listed.</summary>
    [Fact]
    public void A_tie_of_remainders_goes_to_the_first_listed_party()
    {
        ApportionmentFactors[] factors = [new(5.00m, 5.00m, 5.00m), new(5.00m, 5.00m, 5.00m), new(5.00m, 5.00m, 5.00m)];

        Assert.Equal([33.34m, 33.33m, 33.33m], FormulaRatios.Percents(factors, hq: 1, hqPercent: 0m, Weights57, registered: 2));
    }

    [Fact]
    public void A_head_office_keeping_100_percent_takes_everything_whatever_the_factors()
    {
        ApportionmentFactors[] factors = [new(1.00m, 2.00m, 3.00m), new(4.00m, 5.00m, 6.00m)];

        Assert.Equal([0m, 100m], FormulaRatios.Percents(factors, hq: 1, hqPercent: 100m, Weights57, registered: 0));
    }

    [Theory]
    [InlineData("-1", "0", "0", "50")]
    [InlineData("0.001", "0", "0", "50")]
    [InlineData("1", "1", "1", "100.01")]
    [InlineData("1", "1", "1", "0.005")]
    public void Negative_or_too_fine_factors_and_an_hq_percent_outside_0_to_100_are_programming_errors(string revenue, string payroll, string assets, string hqPercent)
    {
        ApportionmentFactors[] factors = [new(decimal.Parse(revenue, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(payroll, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(assets, System.Globalization.CultureInfo.InvariantCulture)), new(1m, 1m, 1m)];

        Assert.Throws<ArgumentOutOfRangeException>(() => FormulaRatios.Percents(factors, 0, decimal.Parse(hqPercent, System.Globalization.CultureInfo.InvariantCulture), Weights57, 1));
    }

    /// <summary>Factors from nothing to 10^13 yuan, often zero, for two to five parties; weights and the hq percent at 2 decimals.</summary>
    private static readonly Arbitrary<Year> Years = Arb.From(
        from count in Gen.Choose(2, 5)
        from factors in Gen.ArrayOf(
            from revenue in Amount()
            from payroll in Amount()
            from assets in Amount()
            select new ApportionmentFactors(revenue, payroll, assets), count)
        from hq in Gen.Choose(0, count - 1)
        from registered in Gen.Choose(0, count - 1)
        from hqPercent in Gen.Frequency((1, Gen.Elements(0m, 100m)), (4, Gen.Choose(0, 10_000).Select(p => p / 100m)))
        from revenueWeight in Gen.Choose(0, 10_000)
        from payrollWeight in Gen.Choose(0, 10_000 - revenueWeight)
        select new Year(factors, hq, registered, hqPercent, new ApportionmentFactors(revenueWeight / 100m, payrollWeight / 100m, (10_000 - revenueWeight - payrollWeight) / 100m)));

    [Property]
    public Property The_percents_always_sum_to_exactly_100() =>
        Prop.ForAll(Years, y => FormulaRatios.Percents(y.Factors, y.Hq, y.HqPercent, y.Weights, y.Registered).Sum() == 100m);

    /// <summary>The exact percent: the hq's fixed share plus (100 − hq) × f(d), f as the rule defines it, in fractions.</summary>
    [Property]
    public Property Each_percent_is_within_0_01_of_its_exact_value() =>
        Prop.ForAll(Years, y =>
        {
            var percents = FormulaRatios.Percents(y.Factors, y.Hq, y.HqPercent, y.Weights, y.Registered);
            var exact = Exact(y);
            return percents.Select((p, d) => Fraction.Abs(Fraction.FromDecimal(p) - exact[d])).All(distance => distance.CompareTo(Fraction.FromDecimal(0.01m)) < 0);
        });

    private static Gen<decimal> Amount() =>
        Gen.Frequency(
            (2, Gen.Constant(0m)),
            (3, Gen.Choose(0, 100_000).Select(c => c / 100m)),
            (1, from high in Gen.Choose(0, 100_000)
                from low in Gen.Choose(0, 99_999_999)
                select (high * 100_000_000m) + (low / 100m)));

    private static Fraction[] Exact(Year y)
    {
        var counted = Enumerable.Range(0, ApportionmentFactors.Count).Where(k => y.Factors.Sum(f => f[k]) > 0m && y.Weights[k] > 0m).ToArray();
        var rest = Fraction.FromDecimal(100m - y.HqPercent);
        var weightSum = counted.Aggregate(Fraction.Zero, (sum, k) => sum + Fraction.FromDecimal(y.Weights[k]));
        return [.. y.Factors.Select((f, d) =>
        {
            var share = counted.Length == 0
                ? (d == y.Registered ? rest : Fraction.Zero)
                : rest * counted.Aggregate(Fraction.Zero, (sum, k) => sum + (Fraction.FromDecimal(y.Weights[k]) * Fraction.FromDecimal(f[k]) / Fraction.FromDecimal(y.Factors.Sum(g => g[k]))))
                    / weightSum;
            return d == y.Hq ? share + Fraction.FromDecimal(y.HqPercent) : share;
        })];
    }

    public sealed record Year(ApportionmentFactors[] Factors, int Hq, int Registered, decimal HqPercent, ApportionmentFactors Weights);
}
