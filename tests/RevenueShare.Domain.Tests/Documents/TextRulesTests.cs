using RevenueShare.Domain.Documents;

namespace RevenueShare.Domain.Tests.Documents;

/// <summary>
/// The text rule by hand: each character the rule refuses, placed in a text at a known position, is
/// named in the message as U+XXXX with that 1-based position; text that keeps the rule passes as it is.
/// </summary>
public sealed class TextRulesTests
{
    [Theory]
    [InlineData("ab\u0000cd", "U+0000 at position 3")]
    [InlineData("ab\ncd", "U+000A at position 3")]
    [InlineData("ab\rcd", "U+000D at position 3")]
    [InlineData("\u0007abc", "U+0007 at position 1")]
    [InlineData("a\tb", "U+0009 at position 2")]
    [InlineData("abc\u001F", "U+001F at position 4")]
    [InlineData("ab\u007F", "U+007F at position 3")]
    [InlineData("a\u0085b", "U+0085 at position 2")]
    [InlineData("a\u009Fb", "U+009F at position 2")]
    [InlineData("天河\u202A区", "U+202A at position 3")]
    [InlineData("invoice\u202Egpj.exe", "U+202E at position 8")]
    [InlineData("a\u2066b\u2069", "U+2066 at position 2")]
    [InlineData("ab\u2069", "U+2069 at position 3")]
    [InlineData("a\u200Fb", "U+200F at position 2")]
    [InlineData("vat\u200B-01", "U+200B at position 4")]
    [InlineData("a\u200Cb", "U+200C at position 2")]
    [InlineData("a\u200Db", "U+200D at position 2")]
    [InlineData("a\u2060b", "U+2060 at position 2")]
    [InlineData("\uFEFFabc", "U+FEFF at position 1")]
    [InlineData("a\u00ADb", "U+00AD at position 2")]
    [InlineData("a\u2028b", "U+2028 at position 2")]
    [InlineData("a\u2029b", "U+2029 at position 2")]
    [InlineData("𠀀\U000E0041", "U+E0041 at position 3")]
    public void A_control_bidi_or_invisible_character_is_refused_with_its_code_and_position(string text, string expected)
    {
        var problem = TextRules.Problem(text, "reportId", 100);

        Assert.NotNull(problem);
        Assert.StartsWith("reportId has ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_a_surrogate_pair_is_refused_with_its_code_and_position()
    {
        // Built here rather than in attributes: metadata stores attribute strings as UTF-8, which cannot hold half a pair.
        var high = "ab" + (char)0xD800 + "cd";
        var low = "ab" + (char)0xDC00;

        Assert.Contains("U+D800 at position 3", TextRules.Problem(high, "name", 200), StringComparison.Ordinal);
        Assert.Contains("U+DC00 at position 3", TextRules.Problem(low, "name", 200), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" abc", "starts with white space (U+0020 at position 1)")]
    [InlineData("abc ", "ends with white space (U+0020 at position 4)")]
    [InlineData("\u3000天河", "starts with white space (U+3000 at position 1)")]
    [InlineData("天河\u00A0", "ends with white space (U+00A0 at position 3)")]
    [InlineData("   ", "starts with white space (U+0020 at position 1)")]
    public void Surrounding_white_space_is_refused_with_its_code_and_position(string text, string expected)
    {
        var problem = TextRules.Problem(text, "title", 200);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tax-2026-03-0001")]
    [InlineData("广州天黄智能装备制造有限公司")]
    [InlineData("天河总部研发 + 黄埔制造基地")]
    [InlineData("A&B (广州) 有限公司\u3000第二分公司")]
    [InlineData("𠀀𠀁 名")]
    [InlineData("x")]
    public void Text_that_keeps_the_rule_passes(string text) =>
        Assert.Null(TextRules.Problem(text, "name", 200));

    [Fact]
    public void Length_is_bounded_and_the_message_gives_both_numbers()
    {
        Assert.Null(TextRules.Problem(new string('r', 100), "reportId", 100));
        Assert.Equal("reportId has 101 characters; at most 100 are allowed.", TextRules.Problem(new string('r', 101), "reportId", 100));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_absent_reason_is_no_reason(string? text)
    {
        Assert.True(TextRules.TryReadReason(text, out var reason, out var problem));
        Assert.Null(reason);
        Assert.Null(problem);
    }

    [Fact]
    public void A_reason_of_the_bound_is_kept_as_sent()
    {
        var text = "核对无误：" + new string('好', TextRules.MaxReasonLength - 5);

        Assert.True(TextRules.TryReadReason(text, out var reason, out var problem), problem);
        Assert.Equal(text, reason);
    }

    [Theory]
    [InlineData(501, "The reason has 501 characters; at most 500 are allowed.")]
    [InlineData(100_000, "The reason has 100000 characters; at most 500 are allowed.")]
    public void A_reason_over_the_bound_is_refused(int length, string expected)
    {
        Assert.False(TextRules.TryReadReason(new string('因', length), out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("数据有误\n请更正", "U+000A at position 5")]
    [InlineData("数据有误\u202E", "U+202E at position 5")]
    [InlineData(" 数据有误", "U+0020 at position 1")]
    [InlineData("  ", "U+0020 at position 1")]
    public void A_reason_keeps_the_same_rule_as_any_stored_text(string text, string expected)
    {
        Assert.False(TextRules.TryReadReason(text, out _, out var problem));
        Assert.StartsWith("The reason ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
