using System.Text.Json;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Server.Tests.Contracts;

/// <summary>
/// Cross-file facts about contracts/ that a schema cannot state: the catalogues load, the credit codes
/// carry a correct check character, coverage does not overlap, and every figure belongs to an example.
/// </summary>
public sealed class ContractDataTests
{
    [Fact]
    public void The_catalogues_load_in_canonical_order()
    {
        var reference = ReferenceData.FromJson(
            ContractFiles.Read("catalogues", "districts.json"),
            ContractFiles.Read("catalogues", "indicators.json"));

        Assert.Equal(11, reference.Districts.Count);
        Assert.Equal(
            ["vat", "cit", "pit", "industrial-output", "value-added", "operating-revenue"],
            reference.Indicators.Select(i => i.Code));
        Assert.True(reference.TryGetDistrict(DistrictCode.Parse("440106"), out var tianhe));
        Assert.Equal("天河区", tianhe.Name);
    }

    [Fact]
    public void Example_enterprises_have_valid_distinct_credit_codes()
    {
        var ids = Agreements().SelectMany(a => a.Enterprises).ToList();

        foreach (var id in ids)
        {
            Assert.True(CreditCode.TryParse(id, out _, out var error), error);
        }

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_example_figure_belongs_to_an_example_agreement_that_covers_it()
    {
        var coverage = Agreements()
            .SelectMany(a => a.Enterprises.SelectMany(e => a.Indicators.Select(i => (e, i))))
            .ToHashSet();
        var reportIds = new HashSet<string>(StringComparer.Ordinal);

        foreach (var file in ContractFiles.JsonFilesIn("examples", "figures"))
        {
            using var batch = JsonDocument.Parse(ContractFiles.Read("examples", "figures", file));
            foreach (var report in batch.RootElement.GetProperty("reports").EnumerateArray())
            {
                var enterprise = report.GetProperty("enterprise").GetString()!;
                var indicator = report.GetProperty("indicator").GetString()!;
                Assert.Contains((enterprise, indicator), coverage);
                Assert.True(reportIds.Add(report.GetProperty("reportId").GetString()!), "reportId reused");
            }
        }
    }

    private static IEnumerable<(string File, string[] Enterprises, string[] Indicators)> Agreements()
    {
        foreach (var file in ContractFiles.JsonFilesIn("examples", "agreements"))
        {
            using var document = JsonDocument.Parse(ContractFiles.Read("examples", "agreements", file));
            var root = document.RootElement;
            yield return (
                file,
                root.GetProperty("enterprises").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray(),
                root.GetProperty("terms").EnumerateArray()
                    .SelectMany(t => t.GetProperty("indicators").EnumerateArray().Select(i => i.GetString()!))
                    .ToArray());
        }
    }
}
