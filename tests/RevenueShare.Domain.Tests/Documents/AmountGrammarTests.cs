using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.AgreementDocuments;

namespace RevenueShare.Domain.Tests.Documents;

/// <summary>
/// Every place a document carries an amount — a figure's amount, a ratio's percent, a baseline, a cap —
/// reads it in the one grammar of contracts/schemas: one spelling per amount, so <c>+1.00</c>,
/// <c>.50</c>, <c>1.</c>, <c>0001.00</c> and a negative zero are refused where they stand, with why.
/// </summary>
public sealed class AmountGrammarTests
{
    public static TheoryData<string, string> Misspelt() => new()
    {
        { "+1.00", "has a '+' sign" },
        { "+0", "has a '+' sign" },
        { ".50", "no digit before the decimal point" },
        { "-.5", "no digit before the decimal point" },
        { "1.", "no digit after the decimal point" },
        { "0001.00", "has a leading zero" },
        { "00", "has a leading zero" },
        { "-01", "has a leading zero" },
        { "-0", "is a negative zero" },
        { "-0.0", "is a negative zero" },
        { "-0.00", "is a negative zero" },
        { "1 000", "is not a decimal amount" },
        { "1.2.3", "is not a decimal amount" },
        { "-", "is not a decimal amount" },
        { ".", "is not a decimal amount" },
        { "1e3", "is not a decimal amount" },
        { "１２", "is not a decimal amount" },
        { "٣", "is not a decimal amount" },
        { "1.00 ", "is not a decimal amount" },
    };

    [Theory]
    [MemberData(nameof(Misspelt))]
    public void A_figure_amount_out_of_the_grammar_is_refused_at_its_path(string amount, string why)
    {
        var document = new FigureReportDocument("tax-2026-03-0001", Codes.First, "vat", "2026-03", amount, 1);

        Assert.False(FigureReportReader.TryRead(document, "$.reports[0]", Catalogue.Guangzhou, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("$.reports[0].amount", problem.Path);
        Assert.Equal($"'{amount}'", problem.Message[..(amount.Length + 2)]);
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-0", "is a negative zero")]
    [InlineData("-0.00", "is a negative zero")]
    [InlineData("+50", "has a '+' sign")]
    [InlineData("050", "has a leading zero")]
    [InlineData("50.", "no digit after the decimal point")]
    [InlineData(".5", "no digit before the decimal point")]
    public void A_percent_out_of_the_grammar_is_refused_at_its_ratio(string percent, string why)
    {
        // The other party's 100 keeps the sum right for -0, so the grammar is the only thing wrong.
        var document = WithTaxStep(0, Step("2026-01", percent, "100"));

        Assert.False(AgreementDocumentReader.TryRead(document, Catalogue.Guangzhou, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal($"$.terms[0].schedule[0].ratios.{Tianhe}", problem.Path);
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+1200000.00", "has a '+' sign")]
    [InlineData("01200000.00", "has a leading zero")]
    [InlineData("-0.00", "is a negative zero")]
    public void A_baseline_out_of_the_grammar_is_refused_at_its_indicator(string baseline, string why)
    {
        var document = WithEnterprise(e => e with { Baselines = new Dictionary<string, BaselineDocument?> { ["cit"] = baseline } });

        Assert.False(AgreementDocumentReader.TryRead(document, Catalogue.Guangzhou, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("$.enterprises[0].baselines.cit", problem.Path);
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".5", "no digit before the decimal point")]
    [InlineData("3600000.", "no digit after the decimal point")]
    public void A_cap_out_of_the_grammar_is_refused_at_its_amount(string cap, string why)
    {
        var document = WithEnterprise(e => e with { Cap = new CapDocument(["vat", "cit"], cap) });

        Assert.False(AgreementDocumentReader.TryRead(document, Catalogue.Guangzhou, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("$.enterprises[0].cap.amount", problem.Path);
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "0.00")]
    [InlineData("0.5", "0.50")]
    [InlineData("-0.01", "-0.01")]
    [InlineData("10", "10.00")]
    [InlineData("999999999999999.99", "999999999999999.99")]
    [InlineData("-999999999999999", "-999999999999999.00")]
    public void The_one_spelling_of_each_amount_is_read(string amount, string expected)
    {
        var document = new FigureReportDocument("tax-2026-03-0001", Codes.First, "vat", "2026-03", amount, 1);

        Assert.True(FigureReportReader.TryRead(document, "$.reports[0]", Catalogue.Guangzhou, out var report, out var problems), string.Join("; ", problems));
        Assert.Equal(expected, report.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
