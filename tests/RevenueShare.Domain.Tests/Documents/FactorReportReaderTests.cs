using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Domain.Tests.Documents;

/// <summary>The boundary of a factor report (docs/allocation.md, Formula shares): each problem at its path, nothing read when any is found.</summary>
public sealed class FactorReportReaderTests
{
    private static FactorReportDocument Valid() => new(
        "tax-factors-2024-001",
        2024,
        Codes.First,
        1,
        new Dictionary<string, FactorsDocument?>
        {
            ["440112"] = new("600.00", "300.00", "600.00"),
            ["440106"] = new("0", "200.00", "100.5"),
        });

    [Fact]
    public void A_valid_report_lists_each_partys_factors_by_district_code()
    {
        Assert.True(FactorReportReader.TryRead(Valid(), Catalogue.Guangzhou, out var report, out var problems), string.Join("; ", problems));

        Assert.Equal(2024, report.Year);
        Assert.Equal(1, report.Revision);
        Assert.Equal(["440106", "440112"], report.Factors.Select(f => f.District.Value));
        Assert.Equal(100.50m, report.Factors[0].Factors.Assets);
        Assert.Equal(600.00m, report.Factors[1].Factors.OperatingRevenue);
    }

    [Theory]
    [InlineData("reportId missing", "$.reportId", "reportId is required")]
    [InlineData("year missing", "$.year", "year is required")]
    [InlineData("year of two digits", "$.year", "24 is not a year")]
    [InlineData("revision 0", "$.revision", "revisions run from 1")]
    [InlineData("enterprise malformed", "$.enterprise", "")]
    [InlineData("no factors", "$.factors", "none are given")]
    [InlineData("unknown district", "$.factors.449999", "Unknown district '449999'")]
    [InlineData("negative payroll", "$.factors.440106.payroll", "negative")]
    [InlineData("assets in fen and less", "$.factors.440106.assets", "decimal")]
    [InlineData("operating revenue missing", "$.factors.440112.operatingRevenue", "operatingRevenue is required")]
    public void Each_problem_is_reported_at_its_path(string change, string path, string message)
    {
        var valid = Valid();
        var document = change switch
        {
            "reportId missing" => valid with { ReportId = null },
            "year missing" => valid with { Year = null },
            "year of two digits" => valid with { Year = 24 },
            "revision 0" => valid with { Revision = 0 },
            "enterprise malformed" => valid with { Enterprise = "9144" },
            "no factors" => valid with { Factors = new Dictionary<string, FactorsDocument?>() },
            "unknown district" => valid with { Factors = new Dictionary<string, FactorsDocument?>(valid.Factors!) { ["449999"] = new("1", "1", "1") } },
            "negative payroll" => valid with { Factors = new Dictionary<string, FactorsDocument?>(valid.Factors!) { ["440106"] = new("0", "-1", "1") } },
            "assets in fen and less" => valid with { Factors = new Dictionary<string, FactorsDocument?>(valid.Factors!) { ["440106"] = new("0", "1", "1.001") } },
            "operating revenue missing" => valid with { Factors = new Dictionary<string, FactorsDocument?>(valid.Factors!) { ["440112"] = new(null, "1", "1") } },
            _ => throw new ArgumentException(change, nameof(change)),
        };

        Assert.False(FactorReportReader.TryRead(document, Catalogue.Guangzhou, out var report, out var problems));

        Assert.Null(report);
        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }
}
