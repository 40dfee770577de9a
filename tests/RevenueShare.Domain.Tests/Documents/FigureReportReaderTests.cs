using System.Globalization;
using NodaTime;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Domain.Tests.Documents;

public sealed class FigureReportReaderTests
{
    private const string Prefix = "$.reports[3]";

    private static FigureReportDocument Valid() =>
        new("tax-2026-03-0001", Codes.First, "vat", "2026-03", "100.01", 1);

    [Fact]
    public void A_valid_report_is_read()
    {
        Assert.True(FigureReportReader.TryRead(Valid(), Prefix, Catalogue.Guangzhou, out var report, out var problems), string.Join("; ", problems));

        Assert.Empty(problems);
        Assert.Equal("tax-2026-03-0001", report.ReportId);
        Assert.Equal(CreditCode.Parse(Codes.First), report.Enterprise);
        Assert.Equal("vat", report.Indicator.Code);
        Assert.Equal(new YearMonth(2026, 3), report.Month);
        Assert.Equal(100.01m, report.Amount);
        Assert.Equal(1, report.Revision);
    }

    [Fact]
    public void A_history_report_names_its_agreement_and_a_figure_names_none()
    {
        var problems = new List<ValidationProblem>();

        Assert.Equal(Domain.Agreements.AgreementId.Parse("GZ-2026-0007"), FigureReportReader.HistoryOf(Valid() with { History = true, Agreement = "GZ-2026-0007" }, Prefix, problems));
        Assert.Null(FigureReportReader.HistoryOf(Valid(), Prefix, problems));
        Assert.Null(FigureReportReader.HistoryOf(Valid() with { History = false }, Prefix, problems));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(true, null, "A history report names the agreement")]
    [InlineData(true, "GZ-26-1", "An agreement id reads GZ-<year>-<number>")]
    [InlineData(null, "GZ-2026-0007", "Only a history report")]
    [InlineData(false, "GZ-2026-0007", "Only a history report")]
    public void A_history_flag_and_an_agreement_go_together(bool? history, string? agreement, string message)
    {
        var problems = new List<ValidationProblem>();

        Assert.Null(FigureReportReader.HistoryOf(Valid() with { History = history, Agreement = agreement }, Prefix, problems));

        var problem = Assert.Single(problems);
        Assert.Equal(Prefix + ".agreement", problem.Path);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vat", "-100.01", "-100.01")]
    [InlineData("industrial-output", "-0.5", "-0.5")]
    [InlineData("operating-revenue", "12345", "12345")]
    [InlineData("cit", "0.10", "0.1")]
    public void Amounts_at_the_indicators_scale_are_accepted_negative_ones_too(string indicator, string amount, string expected)
    {
        var document = Valid() with { Indicator = indicator, Amount = amount };

        Assert.True(FigureReportReader.TryRead(document, Prefix, Catalogue.Guangzhou, out var report, out var problems), string.Join("; ", problems));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), report.Amount);
    }

    [Theory]
    [InlineData("reportId missing", "$.reports[3].reportId", "is required")]
    [InlineData("reportId blank", "$.reports[3].reportId", "is required")]
    [InlineData("reportId of 101 characters", "$.reports[3].reportId", "at most 100")]
    [InlineData("enterprise missing", "$.reports[3].enterprise", "is required")]
    [InlineData("enterprise too long", "$.reports[3].enterprise", "18 characters; got 19")]
    [InlineData("enterprise with lower case", "$.reports[3].enterprise", "is not allowed")]
    [InlineData("indicator missing", "$.reports[3].indicator", "is required")]
    [InlineData("indicator unknown", "$.reports[3].indicator", "Unknown indicator 'VAT'")]
    [InlineData("month missing", "$.reports[3].month", "is required")]
    [InlineData("month 13", "$.reports[3].month", "month from 01 to 12")]
    [InlineData("month without leading zero", "$.reports[3].month", "expected YYYY-MM")]
    [InlineData("amount missing", "$.reports[3].amount", "An amount is required")]
    [InlineData("amount not a number", "$.reports[3].amount", "not a decimal amount")]
    [InlineData("tax amount with 3 decimals", "$.reports[3].amount", "3 digits after the decimal point; at most 2")]
    [InlineData("statistics amount with 2 decimals", "$.reports[3].amount", "2 digits after the decimal point; at most 1")]
    [InlineData("amount out of range", "$.reports[3].amount", "out of range")]
    [InlineData("revision missing", "$.reports[3].revision", "is required")]
    [InlineData("revision 0", "$.reports[3].revision", "start at 1")]
    [InlineData("revision negative", "$.reports[3].revision", "start at 1")]
    [InlineData("revision above the bound", "$.reports[3].revision", "revisions run from 1 to at most 1000000")]
    [InlineData("revision at int.MaxValue", "$.reports[3].revision", "The revision is 2147483647; revisions run from 1 to at most 1000000")]
    [InlineData("report missing", "$.reports[3]", "is required")]
    public void Each_rule_is_reported_at_its_path(string change, string path, string message)
    {
        var ok = FigureReportReader.TryRead(Broken(change), Prefix, Catalogue.Guangzhou, out var report, out var problems);

        Assert.False(ok);
        Assert.Null(report);
        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_highest_revision_is_read()
    {
        Assert.True(FigureReportReader.TryRead(Valid() with { Revision = 1_000_000 }, Prefix, Catalogue.Guangzhou, out var report, out var problems), string.Join("; ", problems));
        Assert.Equal(1_000_000, report.Revision);
    }

    [Fact]
    public void A_wrong_check_character_is_reported_with_the_expected_one()
    {
        var document = Valid() with { Enterprise = Codes.WrongCheck(Codes.SecondBase) };

        Assert.False(FigureReportReader.TryRead(document, Prefix, Catalogue.Guangzhou, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("$.reports[3].enterprise", problem.Path);
        Assert.Contains($"expected '{CreditCode.CheckCharacter(Codes.SecondBase)}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_with_several_problems_reports_all_of_them()
    {
        var document = new FigureReportDocument(null, Codes.FirstBase, "gdp", "2026-13", "1.2.3", 0);

        Assert.False(FigureReportReader.TryRead(document, Prefix, Catalogue.Guangzhou, out _, out var problems));

        Assert.Equal(
            ["$.reports[3].reportId", "$.reports[3].enterprise", "$.reports[3].indicator", "$.reports[3].month", "$.reports[3].amount", "$.reports[3].revision"],
            problems.Select(p => p.Path));
    }

    private static FigureReportDocument? Broken(string change) => change switch
    {
        "reportId missing" => Valid() with { ReportId = null },
        "reportId blank" => Valid() with { ReportId = "\t" },
        "reportId of 101 characters" => Valid() with { ReportId = new string('r', 101) },
        "enterprise missing" => Valid() with { Enterprise = "" },
        "enterprise too long" => Valid() with { Enterprise = Codes.First + "0" },
        "enterprise with lower case" => Valid() with { Enterprise = Codes.First.ToLowerInvariant().Replace("9", "a", StringComparison.Ordinal) },
        "indicator missing" => Valid() with { Indicator = null },
        "indicator unknown" => Valid() with { Indicator = "VAT" },
        "month missing" => Valid() with { Month = null },
        "month 13" => Valid() with { Month = "2026-13" },
        "month without leading zero" => Valid() with { Month = "2026-3" },
        "amount missing" => Valid() with { Amount = null },
        "amount not a number" => Valid() with { Amount = "1,000.00" },
        "tax amount with 3 decimals" => Valid() with { Amount = "100.001" },
        "statistics amount with 2 decimals" => Valid() with { Indicator = "value-added", Amount = "3.14" },
        "amount out of range" => Valid() with { Amount = "1000000000000000000" },
        "revision missing" => Valid() with { Revision = null },
        "revision 0" => Valid() with { Revision = 0 },
        "revision negative" => Valid() with { Revision = -2 },
        "revision above the bound" => Valid() with { Revision = FigureReportReader.MaxRevision + 1 },
        "revision at int.MaxValue" => Valid() with { Revision = int.MaxValue },
        "report missing" => null,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "No such change."),
    };
}
