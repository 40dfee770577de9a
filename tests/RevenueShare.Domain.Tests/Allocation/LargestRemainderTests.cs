using System.Globalization;
using RevenueShare.Domain.Allocation;

namespace RevenueShare.Domain.Tests.Allocation;

public sealed class LargestRemainderTests
{
    [Theory]
    // docs/allocation.md, Worked examples: three parties, exact.
    [InlineData("1000.00", "33.33 33.33 33.34", 2, "333.30 333.30 333.40")]
    // Worked examples: three parties, leftover: the cent goes to the largest remainder.
    [InlineData("10.00", "33.33 33.33 33.34", 2, "3.33 3.33 3.34")]
    // Worked examples: tie, the first-listed party.
    [InlineData("0.01", "50 50", 2, "0.01 0.00")]
    // docs/interfaces.md, Allocation entries: 50.005 each truncates to 50.00, the leftover cent ties.
    [InlineData("100.01", "50 50", 2, "50.01 50.00")]
    // Statistics at scale 1: 4.92 / 7.38 truncate to 4.9 / 7.3, the larger remainder takes the 0.1.
    [InlineData("12.3", "40 60", 1, "4.9 7.4")]
    [InlineData("0.1", "50 50", 1, "0.1 0.0")]
    // Negative amounts: truncation toward zero, leftover units negative.
    [InlineData("-10.00", "33.33 33.33 33.34", 2, "-3.33 -3.33 -3.34")]
    [InlineData("-0.01", "50 50", 2, "-0.01 0.00")]
    [InlineData("-100.01", "50 50", 2, "-50.01 -50.00")]
    // A zero weight never receives a unit.
    [InlineData("0.03", "0 50 50", 2, "0.00 0.02 0.01")]
    [InlineData("0.00", "60 40", 2, "0.00 0.00")]
    // Weights need not sum to 100: they are relative to their sum (a capped amount among some parties).
    [InlineData("140.00", "60", 2, "140.00")]
    [InlineData("100.00", "30 30", 2, "50.00 50.00")]
    [InlineData("0.05", "20 30", 2, "0.02 0.03")]
    // Ties among three parties. 2 units at 33.33/33.33/33.34: exact 0.6666 / 0.6666 / 0.6668 units all
    // truncate to 0, 2 units are left; the largest remainder (0.6668, T) takes one, the tie at 0.6666
    // goes to the first listed (O): 0.01 / 0.00 / 0.01.
    [InlineData("0.02", "33.33 33.33 33.34", 2, "0.01 0.00 0.01")]
    // The mirror image: the remainders are −0.6666 / −0.6666 / −0.6668 units, compared by magnitude, and
    // the 2 units left over are −1 each: T first, then the tie to O: −0.01 / 0.00 / −0.01.
    [InlineData("-0.02", "33.33 33.33 33.34", 2, "-0.01 0.00 -0.01")]
    // 1/1/1: each exact share is −2/3 unit, truncated to 0 with remainder −2/3; three equal remainders,
    // so the 2 units (−1 each) go to the first two listed: −0.01 / −0.01 / 0.00.
    [InlineData("-0.02", "1 1 1", 2, "-0.01 -0.01 0.00")]
    [InlineData("0.02", "1 1 1", 2, "0.01 0.01 0.00")]
    // At scale 1 the unit is 0.1: −5 units over four equal weights are −1.25 each, truncated to −1 with
    // remainder −0.25 each; the one unit left goes to the first listed.
    [InlineData("-0.5", "1 1 1 1", 1, "-0.2 -0.1 -0.1 -0.1")]
    [InlineData("0.2", "33.33 33.33 33.34", 1, "0.1 0.0 0.1")]
    // The BigInteger branch (LargestRemainder.FitsInt128 is false) is taken when the amount is 10^19
    // units or more, a weight has more than nine decimals, or a weight is 10^9 or more. No figure the
    // ledger accepts reaches it (|amount| < Amounts.Limit = 10^15, so below 10^17 units at scale 2), only
    // a direct split does.
    // 10^19 + 2 units at 33.33/33.33/33.34: 3333 × (10^19 + 2) / 10^4 = 3333 × 10^15 + 0.6666, likewise
    // 3334 × 10^15 + 0.6668 for T; the 2 units left go to T and, by the tie, to O.
    [InlineData("100000000000000000.02", "33.33 33.33 33.34", 2, "33330000000000000.01 33330000000000000.00 33340000000000000.01")]
    [InlineData("-100000000000000000.02", "33.33 33.33 33.34", 2, "-33330000000000000.01 -33330000000000000.00 -33340000000000000.01")]
    // 10^28 + 1 units at 50.000000001/49.999999999 (weights 50000000001 and 49999999999 of 10^11): the
    // shares are 50000000001 × 10^17 + 0.50000000001 and 49999999999 × 10^17 + 0.49999999999 units, the
    // one unit left goes to the larger remainder. Each product units × weight is about 5 × 10^38, past
    // Int128 (1.7 × 10^38): only the BigInteger arithmetic gets this right rather than overflowing.
    [InlineData("100000000000000000000000000.01", "50.000000001 49.999999999", 2, "50000000001000000000000000.01 49999999999000000000000000.00")]
    // Weights of 10^9 are the 1/1/1 split above; weights with twelve decimals are the 33.33 tie above.
    [InlineData("-0.02", "1000000000 1000000000 1000000000", 2, "-0.01 -0.01 0.00")]
    [InlineData("0.02", "33.333333333333 33.333333333333 33.333333333334", 2, "0.01 0.00 0.01")]
    public void Splitting_an_amount_gives_the_largest_remainder_parts(string amount, string percents, int scale, string expected)
    {
        var parts = LargestRemainder.Split(Parse(amount), [.. percents.Split(' ').Select(Parse)], scale);

        Assert.Equal(expected, string.Join(" ", parts.Select(p => p.ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void An_amount_with_more_digits_than_the_scale_is_refused_not_rounded() =>
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(1.005m, [50m, 50m], 2));

    [Fact]
    public void A_negative_weight_is_refused() =>
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(1.00m, [150m, -50m], 2));

    [Fact]
    public void Weights_summing_to_zero_are_refused() =>
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(1.00m, [0m, 0m], 2));

    private static decimal Parse(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
