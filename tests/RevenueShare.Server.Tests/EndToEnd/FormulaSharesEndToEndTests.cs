using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Tests.Postgres;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd;

/// <summary>
/// Formula shares through HTTP (docs/allocation.md, Formula shares), on the rule's worked example: 天河
/// the head office keeping 50 %, 黄埔 (registered) and 白云 branches; cit follows the factors of the year
/// before at 35 / 35 / 30. A figure waits for its factors, the factors set the ratios, a restated year of
/// factors books adjustments, a restart changes nothing, and an approved month refuses a restatement.
/// </summary>
internal static class FormulaSharesScenario
{
    private static JsonObject FormulaTerm() => new()
    {
        ["indicators"] = new JsonArray("cit"),
        ["mode"] = "formula",
        ["hq"] = Tianhe,
        ["hqPercent"] = "50",
        ["weights"] = new JsonObject { ["operatingRevenue"] = "35", ["payroll"] = "35", ["assets"] = "30" },
    };

    private static JsonObject Factors(string reportId, string enterprise, int year, int revision, params (string District, string Revenue, string Payroll, string Assets)[] parties) => new()
    {
        ["reportId"] = reportId,
        ["year"] = year,
        ["enterprise"] = enterprise,
        ["revision"] = revision,
        ["factors"] = new JsonObject(parties.Select(p => KeyValuePair.Create(p.District, (JsonNode?)new JsonObject
        {
            ["operatingRevenue"] = p.Revenue,
            ["payroll"] = p.Payroll,
            ["assets"] = p.Assets,
        }))),
    };

    public static async Task RunAsync(LedgerUnderTest ledger)
    {
        var enterprise = CreditCode(Huangpu, 57);
        var document = Agreement(
            "总分机构三因素分配协议",
            [Tianhe, Huangpu, Baiyun],
            [Enterprise(enterprise, Huangpu)],
            [FormulaTerm(), Term(["vat"], [(Tianhe, "60"), (Huangpu, "20"), (Baiyun, "20")])]);
        var id = await ledger.CreateActiveAsync(document);
        var agreement = await ledger.AgreementAsync(id);
        var term = agreement.GetProperty("terms")[0];
        Assert.Equal("formula", term.GetProperty("mode").GetString());
        Assert.Equal(Tianhe, term.GetProperty("hq").GetString());
        Assert.Equal("50", term.GetProperty("hqPercent").GetString());
        Assert.Equal("35", term.GetProperty("weights").GetProperty("payroll").GetString());
        Assert.Equal(0, term.GetProperty("schedule").GetArrayLength());
        Assert.False(agreement.GetProperty("terms")[1].TryGetProperty("hq", out _));

        // Without the factors of 2024 the figure of March 2025 has no ratios: refused, naming the year.
        JsonObject Cit() => Report("tax-cit-2025-03", enterprise, "cit", "2025-03", "1000.00");
        var (missing, body) = await Responses.ProblemAsync(await ledger.PostFiguresAsync(Tax, Cit()), HttpStatusCode.Conflict);
        Assert.Contains("factors of 2024", missing.Detail, StringComparison.Ordinal);
        Assert.Equal("urn:revenueshare:problem:factors-missing", body.GetProperty("results")[0].GetProperty("error").GetProperty("type").GetString());

        var factors = Factors("tax-factors-2024-001", enterprise, 2024, 1, (Tianhe, "0", "200.00", "100.00"), (Huangpu, "600.00", "300.00", "600.00"), (Baiyun, "400.00", "500.00", "300.00"));
        await ledger.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/agreements/{id}/factors", Statistics, factors);
        await ledger.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/agreements/{id}/factors", District(Tianhe), factors);
        var negative = factors.DeepClone().AsObject();
        negative["factors"]![Tianhe]!["payroll"] = "-1.00";
        var (invalid, _) = await Responses.ProblemAsync(await ledger.SendAsync(HttpMethod.Post, $"/api/agreements/{id}/factors", Tax, negative), HttpStatusCode.BadRequest);
        Assert.Equal($"$.factors.{Tianhe}.payroll", Assert.Single(invalid.Errors).Path);
        var partial = Factors("tax-factors-2024-002", enterprise, 2024, 1, (Tianhe, "0", "200.00", "100.00"), (Huangpu, "600.00", "300.00", "600.00"));
        var (incomplete, _) = await Responses.ProblemAsync(await ledger.SendAsync(HttpMethod.Post, $"/api/agreements/{id}/factors", Tax, partial), HttpStatusCode.BadRequest);
        Assert.Contains(Baiyun, incomplete.Detail, StringComparison.Ordinal);

        var booked = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/factors", Tax, factors);
        Assert.Equal("booked", booked.GetProperty("status").GetString());
        var ratios = Assert.Single(booked.GetProperty("report").GetProperty("ratios").EnumerateArray().ToArray());
        Assert.Equal(2025, ratios.GetProperty("year").GetInt32());
        Assert.Equal(("55", "24.75", "20.25"), Percents(ratios.GetProperty("ratios")));
        var again = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/factors", Tax, factors);
        Assert.Equal("duplicate", again.GetProperty("status").GetString());

        // The worked example: 1000.00 at 55 / 24.75 / 20.25.
        await ledger.BookAsync(Tax, Cit(), Report("tax-vat-2025-03", enterprise, "vat", "2025-03", "100.00"));
        var entries = await ledger.AllocationsAsync();
        Assert.Equal(Split(550.00m, 247.50m, 202.50m), Entry.Current(entries, enterprise, "cit", "2025-03"));
        Assert.Equal(Split(60.00m, 20.00m, 20.00m), Entry.Current(entries, enterprise, "vat", "2025-03"));
        Assert.Equal(["55", "24.75", "20.25"], entries.Where(e => e.Indicator == "cit").OrderBy(e => e.District == Tianhe ? 0 : e.District == Huangpu ? 1 : 2).Select(e => e.Raw.GetProperty("ratio").GetString()));

        await ledger.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, $"/api/agreements/{id}/factors", Statistics);
        var before = await ledger.GetTextAsync($"/api/agreements/{id}/factors", Finance);
        var allocationsBefore = await ledger.GetTextAsync($"/api/allocations?agreement={id}", Finance);
        Assert.Equal(before, await ledger.GetTextAsync($"/api/agreements/{id}/factors?year=2024", District(Baiyun)));

        await ledger.RestartAsync();

        Assert.Equal(before, await ledger.GetTextAsync($"/api/agreements/{id}/factors", Finance));
        Assert.Equal(allocationsBefore, await ledger.GetTextAsync($"/api/allocations?agreement={id}", Finance));
        Assert.Equal(0, (await ledger.GetAsync($"/api/agreements/{id}/factors?year=2025", Tax)).GetProperty("factors").GetArrayLength());

        // Equal factors give each branch a third of the remaining 50: 16.67 / 16.67 / 16.66, the leftover cents to the first listed.
        var restated = Factors("tax-factors-2024-r2", enterprise, 2024, 2, (Tianhe, "100.00", "100.00", "100.00"), (Huangpu, "100.00", "100.00", "100.00"), (Baiyun, "100.00", "100.00", "100.00"));
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/factors", Tax, restated);
        entries = await ledger.AllocationsAsync();
        Assert.Equal(Split(666.70m, 166.70m, 166.60m), Entry.Current(entries, enterprise, "cit", "2025-03"));
        var adjustments = entries.Where(e => e.Kind == "adjustment").ToList();
        Assert.Equal(Split(116.70m, -80.80m, -35.90m), adjustments.ToDictionary(e => e.District, e => e.Amount));
        Assert.All(adjustments, e => Assert.Equal("tax-factors-2024-r2", e.ReportId));
        var listed = (await ledger.GetAsync($"/api/agreements/{id}/factors", Finance)).GetProperty("factors");
        Assert.Equal([(1, false), (2, true)], listed.EnumerateArray().Select(f => (f.GetProperty("revision").GetInt32(), f.GetProperty("current").GetBoolean())));

        var trail = (await ledger.GetAsync($"/api/agreements/{id}/events", Finance)).GetProperty("events");
        var reported = trail.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "factors-reported").ToList();
        Assert.Equal(2, reported.Count);
        Assert.Equal(3, reported[1].GetProperty("detail").GetProperty("entries").GetInt32());
        Assert.Equal(2024, reported[1].GetProperty("detail").GetProperty("report").GetProperty("year").GetInt32());

        // Once March is approved for tax, a restatement that would change it is refused, naming the month.
        await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/months/2025-03/reviews", Tax, new { decision = "approve" });
        var third = Factors("tax-factors-2024-r3", enterprise, 2024, 3, (Tianhe, "1.00", "1.00", "1.00"), (Huangpu, "2.00", "2.00", "2.00"), (Baiyun, "3.00", "3.00", "3.00"));
        var (locked, _) = await Responses.ProblemAsync(await ledger.SendAsync(HttpMethod.Post, $"/api/agreements/{id}/factors", Tax, third), HttpStatusCode.Conflict);
        Assert.Equal("urn:revenueshare:problem:month-locked", locked.Type);
        Assert.Contains("2025-03 (tax)", locked.Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await ledger.GetAsync($"/api/agreements/{id}/factors", Tax)).GetProperty("factors").GetArrayLength());
    }

    private static Dictionary<string, decimal> Split(decimal tianhe, decimal huangpu, decimal baiyun) =>
        new() { [Tianhe] = tianhe, [Huangpu] = huangpu, [Baiyun] = baiyun };

    private static (string, string, string) Percents(JsonElement ratios) =>
        (ratios.GetProperty(Tianhe).GetString()!, ratios.GetProperty(Huangpu).GetString()!, ratios.GetProperty(Baiyun).GetString()!);
}

public sealed class FormulaSharesOnSqliteEndToEndTests
{
    [Fact]
    public async Task The_three_factor_formula_works_end_to_end_on_sqlite_across_a_restart()
    {
        await using var ledger = await StartAsync();
        await FormulaSharesScenario.RunAsync(ledger);
    }
}

[Collection(PostgresFixture.Collection)]
public sealed class FormulaSharesOnPostgresEndToEndTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_three_factor_formula_works_end_to_end_on_postgresql_across_a_restart()
    {
        await using var ledger = await StartAsync(StoreOptions.PostgreSql(await postgres.CreateDatabaseAsync("e2e_formula")));
        await FormulaSharesScenario.RunAsync(ledger);
    }
}
