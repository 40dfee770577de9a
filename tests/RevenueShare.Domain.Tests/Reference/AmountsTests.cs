using System.Globalization;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Tests.Reference;

public sealed class AmountsTests
{
    [Theory]
    [InlineData("1234.56", 2, "1234.56")]
    [InlineData("1234.5", 2, "1234.50")]
    [InlineData("1234", 2, "1234.00")]
    [InlineData("-100.01", 2, "-100.01")]
    [InlineData("-0.5", 1, "-0.5")]
    [InlineData("0", 2, "0.00")]
    [InlineData("12.3", 1, "12.3")]
    public void An_amount_with_at_most_the_scale_digits_is_accepted_at_the_scale(string text, int scale, string expected)
    {
        Assert.True(Amounts.TryParse(text, scale, out var amount, out var error), error);
        Assert.Equal(expected, amount.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1234.567", 2, "3 digits after the decimal point; at most 2")]
    [InlineData("12.34", 1, "2 digits after the decimal point; at most 1")]
    [InlineData("1e5", 2, "is not a decimal amount")]
    [InlineData("1,000.00", 2, "is not a decimal amount")]
    [InlineData(" 1.00", 2, "is not a decimal amount")]
    [InlineData("", 2, "An amount is required")]
    [InlineData(null, 2, "An amount is required")]
    [InlineData("1000000000000000", 2, "out of range")]
    [InlineData("+5.00", 2, "has a '+' sign")]
    [InlineData("0005.00", 2, "has a leading zero")]
    [InlineData(".5", 2, "no digit before the decimal point")]
    [InlineData("5.", 2, "no digit after the decimal point")]
    [InlineData("-0.00", 2, "is a negative zero")]
    public void An_amount_that_is_not_a_plain_decimal_at_the_scale_is_rejected(string? text, int scale, string message)
    {
        Assert.False(Amounts.TryParse(text, scale, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 2, "0.00")]
    [InlineData("1.5", 2, "1.50")]
    [InlineData("1.500", 2, "1.50")]
    [InlineData("-0.00", 2, "0.00")]
    [InlineData("-3.3", 1, "-3.3")]
    [InlineData("7", 0, "7")]
    public void Normalising_gives_equal_amounts_the_same_digits(string text, int scale, string expected) =>
        Assert.Equal(expected, Amounts.Round(decimal.Parse(text, CultureInfo.InvariantCulture), scale).ToString(CultureInfo.InvariantCulture));
}
