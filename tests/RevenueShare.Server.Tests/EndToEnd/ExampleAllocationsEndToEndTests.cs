using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd;

/// <summary>
/// The example agreements of contracts/examples with a year of figures, through HTTP: the
/// allocations must equal, to the cent, the independent oracle's totals in
/// contracts/examples/expected/allocations-2025.json, before and after the restatements. And a few
/// entries worked by hand (docs/allocation.md, Worked examples; docs/interfaces.md, Allocation entries),
/// with their explanation.
/// </summary>
public sealed class ExampleAllocationsEndToEndTests
{
    private static readonly string ExamplesDirectory = Path.Combine(TestReference.ContractsDirectory, "examples");

    [Fact]
    public async Task The_examples_allocate_exactly_what_the_oracle_computed_before_and_after_restatements()
    {
        await using var ledger = await StartAsync();
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ExamplesDirectory, "expected", "allocations-2025.json")))!;
        var files = Directory.GetFiles(Path.Combine(ExamplesDirectory, "agreements"), "*.json")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var agreementOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var history = Example(Path.Combine("history", "relocation-2022-2024.json"))["reports"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        foreach (var file in files)
        {
            var document = Example(Path.Combine("agreements", file!));
            var mine = history.Where(r => document["enterprises"]!.AsArray().Any(e => (string)e!["id"]! == (string)r["enterprise"]!)).ToArray();
            agreementOf[mine.Length > 0 ? await ledger.CreateCertifiedActiveAsync(document, mine) : await ledger.CreateActiveAsync(document)] = file!;
        }

        // The formula agreement's factors of 2024 set its cit ratios of 2025: reported before its figures.
        foreach (var report in Example(Path.Combine("factors", "factors-2024.json"))["reports"]!.AsArray())
        {
            var enterprise = (string)report!["enterprise"]!;
            var agreement = agreementOf.Single(a => Example(Path.Combine("agreements", a.Value))["enterprises"]!.AsArray().Any(e => (string)e!["id"]! == enterprise)).Key;
            await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{agreement}/factors", Tax, report.DeepClone());
        }

        await ledger.BookAsync(Tax, Batch("tax-2025.json"));
        await ledger.BookAsync(Statistics, Batch("statistics-2025.json"));
        await ledger.BookAsync(Tax, Batch("formula-2025.json"));
        await ledger.BookAsync(Tax, Batch("relocation-2025.json"));

        var before = await ledger.AllocationsAsync();
        Assert.DoesNotContain(before, e => e.Kind != "allocation");
        AssertTotals(expected["withoutRestatements"]!.AsObject(), before, agreementOf);

        var restatements = Batch("restatements-2025.json");
        var results = await ledger.BookAsync(Tax, restatements);
        var after = await ledger.AllocationsAsync();

        AssertTotals(expected["withRestatements"]!.AsObject(), after, agreementOf);
        // History is never edited: every entry booked before is still there, as it was.
        var remaining = after.ToList();
        foreach (var entry in before)
        {
            var index = remaining.FindIndex(a => a.Raw.GetRawText() == entry.Raw.GetRawText());
            Assert.True(index >= 0, $"entry changed or gone after the restatements: {entry.Raw}");
            remaining.RemoveAt(index);
        }

        var adjustments = remaining.ToArray();
        Assert.NotEmpty(adjustments);
        Assert.All(adjustments, a =>
        {
            Assert.Equal("adjustment", a.Kind);
            Assert.Equal(Tax, a.BookedBy);
            Assert.True(a.Reason is not null && restatements.Any(r => a.Reason.Contains((string)r["reportId"]!, StringComparison.Ordinal)), $"adjustment without its report: {a.Raw}");
        });
        foreach (var (report, result) in restatements.Zip(results.EnumerateArray()))
        {
            var reportId = (string)report["reportId"]!;
            var agreement = result.GetProperty("agreement").GetString()!;
            Assert.Contains(adjustments, a => a.Agreement == agreement && a.Reason!.Contains(reportId, StringComparison.Ordinal)
                && a.Month == (string)report["month"]! && a.Enterprise == (string)report["enterprise"]!);
        }

        // Each adjustment is new minus old: the two-party June vat restatement, for instance.
        var june = adjustments.Where(a => a.Reason!.Contains("tax-2025-06-r003", StringComparison.Ordinal)).ToArray();
        Assert.Equal(198765.43m - OriginalAmount("91440112MA5CX7WQ0C", "vat", "2025-06"), june.Sum(a => a.Amount));
    }

    [Fact]
    public async Task Hand_worked_splits_leave_the_leftover_unit_to_the_largest_remainder_and_ties_to_the_first_party()
    {
        await using var ledger = await StartAsync();
        var twoParty = CreditCode(Huangpu, 10);
        var three = CreditCode(Baiyun, 11);
        var twoId = await ledger.CreateActiveAsync(TwoParty(twoParty, ["vat"], "50", "50"));
        await ledger.CreateActiveAsync(Agreement(
            "三方测试", [Tianhe, Baiyun, Huadu], [Docs.Enterprise(three, Baiyun)],
            [Term(["vat"], [(Tianhe, "33.33"), (Baiyun, "33.33"), (Huadu, "33.34")])]));

        await ledger.BookAsync(
            Tax,
            Report("tax-2026-03-0001", twoParty, "vat", "2026-03", "100.01"),
            Report("tie", twoParty, "vat", "2026-04", "0.01"),
            Report("exact", three, "vat", "2026-03", "1000.00"),
            Report("leftover", three, "vat", "2026-04", "10.00"));
        var entries = await ledger.AllocationsAsync();

        Assert.Equal(Amounts((Tianhe, 50.01m), (Huangpu, 50.00m)), Entry.Current(entries, twoParty, "vat", "2026-03"));
        Assert.Equal(Amounts((Tianhe, 0.01m), (Huangpu, 0.00m)), Entry.Current(entries, twoParty, "vat", "2026-04"));
        Assert.Equal(Amounts((Tianhe, 333.30m), (Baiyun, 333.30m), (Huadu, 333.40m)), Entry.Current(entries, three, "vat", "2026-03"));
        Assert.Equal(Amounts((Tianhe, 3.33m), (Baiyun, 3.33m), (Huadu, 3.34m)), Entry.Current(entries, three, "vat", "2026-04"));

        // The entry of docs/interfaces.md, Allocation entries, field by field.
        var origin = Assert.Single(entries, e => e.Enterprise == twoParty && e.Month == "2026-03" && e.District == Tianhe).Raw;
        Assert.Equal(twoId, origin.GetProperty("agreement").GetString());
        Assert.Equal("50.01", origin.GetProperty("amount").GetString());
        Assert.Equal("allocation", origin.GetProperty("kind").GetString());
        Assert.Equal("tax-2026-03-0001", origin.GetProperty("reportId").GetString());
        Assert.Equal("50", origin.GetProperty("ratio").GetString());
        Assert.Equal("0.00", origin.GetProperty("basePart").GetString());
        Assert.Equal("100.01", origin.GetProperty("sharedPart").GetString());
        Assert.Equal("2026-11-27T00:00:00Z", origin.GetProperty("bookedAt").GetString());
        Assert.Equal("tax", origin.GetProperty("bookedBy").GetString());
        var host = Assert.Single(entries, e => e.Enterprise == twoParty && e.Month == "2026-03" && e.District == Huangpu);
        Assert.Equal("50.00", host.AmountText);
    }

    private static void AssertTotals(JsonObject expected, IReadOnlyList<Entry> entries, IReadOnlyDictionary<string, string> agreementOf)
    {
        var actual = entries
            .GroupBy(e => (File: agreementOf[e.Agreement], e.District, e.Indicator))
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        var wanted = new Dictionary<(string File, string District, string Indicator), decimal>();
        foreach (var (file, districts) in expected)
        {
            foreach (var (district, indicators) in districts!.AsObject())
            {
                foreach (var (indicator, amount) in indicators!.AsObject())
                {
                    wanted[(file, district, indicator)] = decimal.Parse((string)amount!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                }
            }
        }

        Assert.Equal(wanted.Keys.Select(k => k.File).Distinct().Order(), agreementOf.Values.Order());
        var differences = wanted.Keys.Union(actual.Keys)
            .Where(k => wanted.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => $"{k.File} {k.District} {k.Indicator}: expected {wanted.GetValueOrDefault(k)}, got {actual.GetValueOrDefault(k)}")
            .ToArray();
        Assert.True(differences.Length == 0, string.Join(Environment.NewLine, differences));
    }

    private static JsonObject[] Batch(string file) =>
        [.. Example(Path.Combine("figures", file))["reports"]!.AsArray().Select(r => r!.AsObject().DeepClone().AsObject())];

    private static decimal OriginalAmount(string enterprise, string indicator, string month)
    {
        var report = Batch("tax-2025.json").Single(r => (string)r["enterprise"]! == enterprise && (string)r["indicator"]! == indicator && (string)r["month"]! == month);
        return decimal.Parse((string)report["amount"]!, CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, decimal> Amounts(params (string District, decimal Amount)[] amounts) =>
        amounts.ToDictionary(a => a.District, a => a.Amount);
}
