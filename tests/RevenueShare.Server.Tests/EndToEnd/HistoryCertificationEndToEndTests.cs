using System.Net;
using System.Text.Json.Nodes;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Tests.Postgres;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd;

/// <summary>
/// History, a derived cap and its certification through HTTP (docs/allocation.md, history and derived
/// amounts), on the rule's worked example moved a year earlier: 天河 60 / 黄埔 40 from 2025-01, the cap
/// over vat and cit derived from 2022–2024, vat 100.00 and cit 50.00 a month: 5400.00. Approval waits for
/// the certification, the certification waits for every month, the certified cap is frozen and caps the
/// figures, history is never allocated, and a restart changes nothing.
/// </summary>
internal static class HistoryCertificationScenario
{
    private static JsonObject History(string agreement, string enterprise, string indicator, string month, string amount, int revision = 1)
    {
        var report = Report($"history-{indicator}-{month}-r{revision}", enterprise, indicator, month, amount, revision);
        report["history"] = true;
        report["agreement"] = agreement;
        return report;
    }

    public static async Task RunAsync(LedgerUnderTest ledger)
    {
        var enterprise = CreditCode(Huangpu, 58);
        var document = TwoParty(enterprise, ["vat", "cit"], "60", "40", cap: new JsonObject
        {
            ["indicators"] = new JsonArray("vat", "cit"),
            ["derive"] = new JsonObject { ["years"] = 3 },
        });
        var id = await ledger.CreateAsync(document);
        var cap = (await ledger.AgreementAsync(id)).GetProperty("enterprises")[0].GetProperty("cap");
        Assert.False(cap.TryGetProperty("amount", out _));
        Assert.Equal(3, cap.GetProperty("derive").GetProperty("years").GetInt32());

        // History is taken from submission on, never in a Draft.
        var (draft, _) = await Responses.ProblemAsync(await ledger.PostFiguresAsync(Tax, History(id, enterprise, "vat", "2024-01", "100.00")), HttpStatusCode.Conflict);
        Assert.Contains("Draft", draft.Detail, StringComparison.Ordinal);
        await ledger.SignAsync(id, document);

        var months = Enumerable.Range(0, 36).Select(i => new DateOnly(2022, 1, 1).AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var missingMonth = "2023-07";
        await ledger.BookAsync(Tax, [.. months.Where(m => m != missingMonth).SelectMany(m => new[] { History(id, enterprise, "vat", m, "100.00"), History(id, enterprise, "cit", m, "50.00") })]);
        await ledger.BookAsync(Tax, History(id, enterprise, "cit", missingMonth, "50.00"));

        // History of a month the agreement is in effect, or before its three years, is no history.
        var (late, _) = await Responses.ProblemAsync(await ledger.PostFiguresAsync(Tax, History(id, enterprise, "vat", "2025-01", "1.00")), HttpStatusCode.BadRequest);
        Assert.Equal("$.reports[0].month", Assert.Single(late.Errors).Path);
        await Responses.ProblemAsync(await ledger.PostFiguresAsync(Tax, History("GZ-2026-9999", enterprise, "vat", "2024-01", "1.00")), HttpStatusCode.NotFound);

        var (uncertified, _) = await Responses.ProblemAsync(await ledger.SendAsync(HttpMethod.Post, $"/api/agreements/{id}/approve", Finance, new { reason = "待核定" }), HttpStatusCode.Conflict);
        Assert.Equal("urn:revenueshare:problem:history-uncertified", uncertified.Type);
        Assert.Contains(enterprise, uncertified.Detail, StringComparison.Ordinal);

        var (incomplete, _) = await Responses.ProblemAsync(await ledger.SendAsync(HttpMethod.Post, $"/api/agreements/{id}/enterprises/{enterprise}/certify", Tax), HttpStatusCode.Conflict);
        Assert.Equal("urn:revenueshare:problem:history-incomplete", incomplete.Type);
        Assert.EndsWith($"missing: vat {missingMonth}.", incomplete.Detail, StringComparison.Ordinal);
        await ledger.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/agreements/{id}/enterprises/{enterprise}/certify", Statistics, new JsonObject { ["indicators"] = new JsonArray("vat") });

        await ledger.BookAsync(Tax, History(id, enterprise, "vat", missingMonth, "100.00"));
        var certified = await ledger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/agreements/{id}/enterprises/{enterprise}/certify", Tax);
        var derived = Assert.Single(certified.GetProperty("derived").EnumerateArray().ToArray());
        Assert.Equal(("cap", "5400.00", true, "tax"), (derived.GetProperty("kind").GetString(), derived.GetProperty("amount").GetString(), derived.GetProperty("certified").GetBoolean(), derived.GetProperty("certifiedBy").GetString()));
        Assert.Equal(("2022-01", "2024-12"), (derived.GetProperty("from").GetString(), derived.GetProperty("to").GetString()));
        Assert.Equal(72, derived.GetProperty("sources").GetArrayLength());
        Assert.Equal(72, certified.GetProperty("figures").GetArrayLength());

        // A restatement after certification is kept and shown, and changes nothing certified.
        await ledger.BookAsync(Tax, History(id, enterprise, "vat", "2024-12", "999.00", revision: 2));
        await ledger.FireAsync(id, "approve", Finance, new { reason = "核定完毕" });
        Assert.Equal("5400.00", (await ledger.AgreementAsync(id)).GetProperty("enterprises")[0].GetProperty("cap").GetProperty("amount").GetString());

        // Statistics sees the enterprise's history, none of it tax's.
        var seenByStatistics = await ledger.GetAsync($"/api/agreements/{id}/enterprises/{enterprise}/history", Statistics);
        Assert.Equal((0, 0), (seenByStatistics.GetProperty("figures").GetArrayLength(), seenByStatistics.GetProperty("derived").GetArrayLength()));

        await ledger.RestartAsync();

        var history = await ledger.GetAsync($"/api/agreements/{id}/enterprises/{enterprise}/history", District(Tianhe));
        Assert.Equal(73, history.GetProperty("figures").GetArrayLength());
        Assert.Contains(history.GetProperty("figures").EnumerateArray(), f => f.GetProperty("amount").GetString() == "999.00" && f.GetProperty("current").GetBoolean());
        Assert.Equal("5400.00", history.GetProperty("derived")[0].GetProperty("amount").GetString());
        Assert.Equal(("2022-01", "2024-12"), (history.GetProperty("from").GetString(), history.GetProperty("to").GetString()));

        // The certified cap caps the figures: 60 % of 10,000.00 would be 6,000.00.
        await ledger.BookAsync(Tax, Report("tax-vat-2025-01", enterprise, "vat", "2025-01", "10000.00"));
        var entries = await ledger.AllocationsAsync(Finance, $"agreement={id}");
        Assert.Equal(2, entries.Count);
        Assert.Equal("5400.00", entries.Single(e => e.District == Tianhe).AmountText);

        // History enters no allocation and the audit trail explains the certification.
        var events = (await ledger.GetAsync($"/api/agreements/{id}/events", Finance)).GetProperty("events").EnumerateArray().ToArray();
        var certification = Assert.Single(events, e => e.GetProperty("type").GetString() == "history-certified");
        Assert.Equal(5400.00m, certification.GetProperty("detail").GetProperty("amounts")[0].GetProperty("amount").GetDecimal());
        Assert.Equal(36, certification.GetProperty("detail").GetProperty("history")[0].GetProperty("figures").GetArrayLength());
        Assert.Equal(4, events.Count(e => e.GetProperty("type").GetString() == "history-reported"));
    }
}

public sealed class HistoryCertificationOnSqliteEndToEndTests
{
    [Fact]
    public async Task History_and_its_certified_cap_work_end_to_end_on_sqlite_across_a_restart()
    {
        await using var ledger = await StartAsync();
        await HistoryCertificationScenario.RunAsync(ledger);
    }
}

[Collection(PostgresFixture.Collection)]
public sealed class HistoryCertificationOnPostgresEndToEndTests(PostgresFixture postgres)
{
    [Fact]
    public async Task History_and_its_certified_cap_work_end_to_end_on_postgresql_across_a_restart()
    {
        await using var ledger = await StartAsync(StoreOptions.PostgreSql(await postgres.CreateDatabaseAsync("e2e_history")));
        await HistoryCertificationScenario.RunAsync(ledger);
    }
}
