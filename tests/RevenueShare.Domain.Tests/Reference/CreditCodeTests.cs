using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Tests.Reference;

public sealed class CreditCodeTests
{
    private const string First17 = "91440106123456788";

    [Fact]
    public void A_code_ending_in_its_check_character_is_accepted()
    {
        var text = First17 + CreditCode.CheckCharacter(First17);

        Assert.True(CreditCode.TryParse(text, out var code, out var error), error);
        Assert.Equal(text, code.Value);
    }

    [Theory]
    // GB 32100-2015: weights 3^i mod 31, check value (31 − sum mod 31) mod 31; the last row is a published example code.
    [InlineData("00000000000000000", '0')]
    [InlineData("10000000000000000", 'Y')]
    [InlineData("01000000000000000", 'W')]
    [InlineData("91350100M000100Y4", '3')]
    public void The_check_character_is_computed_from_the_weighted_sum(string first17, char expected) =>
        Assert.Equal(expected, CreditCode.CheckCharacter(first17));

    [Fact]
    public void A_wrong_check_character_is_rejected_naming_the_expected_one()
    {
        var expected = CreditCode.CheckCharacter(First17);
        var wrong = expected == '0' ? '1' : '0';

        Assert.False(CreditCode.TryParse(First17 + wrong, out _, out var error));
        Assert.Contains($"expected '{expected}'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9144010612345678")]
    [InlineData("9144010612345678800")]
    [InlineData(null)]
    public void A_code_of_the_wrong_length_is_rejected(string? text)
    {
        Assert.False(CreditCode.TryParse(text, out _, out var error));
        Assert.Contains("18 characters", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('a')]
    public void A_code_with_a_character_outside_the_alphabet_is_rejected(char forbidden)
    {
        var text = "9144010" + forbidden + "1234567880";

        Assert.False(CreditCode.TryParse(text, out _, out var error));
        Assert.Contains($"Character 8 ('{forbidden}') is not allowed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_compare_by_their_characters() =>
        Assert.True(CreditCode.Parse("000000000000000000").CompareTo(CreditCode.Parse("10000000000000000Y")) < 0);
}
