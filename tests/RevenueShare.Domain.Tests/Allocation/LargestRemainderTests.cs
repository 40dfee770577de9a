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
