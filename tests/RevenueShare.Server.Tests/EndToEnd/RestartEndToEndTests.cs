using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Tests.Postgres;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.EndToEnd;

/// <summary>
/// The service stopped and started again on the same data answers exactly as before — agreements,
/// states, allocations byte for byte, audit trail — and carries on from where it was: the cap already
/// used and the year-to-date under a baseline hold across the restart. On both stores.
/// </summary>
internal static class RestartScenario
{
    public static async Task RunAsync(LedgerUnderTest ledger)
    {
        var capped = CreditCode(Huangpu, 30);
        var based = CreditCode(Huangpu, 31);
        var document = Agreement(
            "重启测试协议",
            [Tianhe, Huangpu],
            [Enterprise(capped, Huangpu, cap: Cap("500.00", "vat")), Enterprise(based, Huangpu, baselines: new() { ["cit"] = "1000.00" })],
            [Term(["vat", "cit"], [(Tianhe, "60"), (Huangpu, "40")]), Term(["industrial-output"], [(Tianhe, "30"), (Huangpu, "70")])]);
        var active = await ledger.CreateActiveAsync(document);
        var draft = await ledger.CreateAsync(TwoParty(CreditCode(Huangpu, 32), ["vat"], title: "草稿"));
        await ledger.BookAsync(
            Tax,
            Report("r-vat-01", capped, "vat", "2025-01", "600.00"),
            Report("r-cit-01", based, "cit", "2025-01", "600.00"),
            Report("r-cit-02", based, "cit", "2025-02", "600.00"));
        await ledger.BookAsync(Statistics, Report("r-io-01", based, "industrial-output", "2025-01", "1.5"));

        string[] paths =
        [
            "/api/agreements", $"/api/agreements/{active}", $"/api/agreements/{draft}", "/api/allocations",
            $"/api/agreements/{active}/events", $"/api/agreements/{active}/lifecycle?format=dot",
        ];
        var before = new List<string>();
        foreach (var path in paths)
        {
            before.Add(await ledger.GetTextAsync(path, Finance));
        }

        var districtView = await ledger.GetTextAsync("/api/allocations", District(Tianhe));

        await ledger.RestartAsync();

        for (var i = 0; i < paths.Length; i++)
        {
            Assert.Equal(before[i], await ledger.GetTextAsync(paths[i], Finance));
        }

        Assert.Equal(districtView, await ledger.GetTextAsync("/api/allocations", District(Tianhe)));
        Assert.Equal("Active", (await ledger.AgreementAsync(active)).GetProperty("state").GetString());
        Assert.Equal("Draft", (await ledger.AgreementAsync(draft)).GetProperty("state").GetString());

        // It carries on: 200.00 of the 500.00 cap is left (360.00 went to Tianhe in January), and the
        // year to date of 1200.00 is above the base, so a refund of 100.00 is shared.
        await ledger.BookAsync(
            Tax,
            Report("r-vat-02", capped, "vat", "2025-02", "400.00"),
            Report("r-cit-03", based, "cit", "2025-03", "-100.00"));
        var entries = await ledger.AllocationsAsync();
        Assert.Equal(140.00m, Entry.Current(entries, capped, "vat", "2025-02")[Tianhe]);
        Assert.Equal(260.00m, Entry.Current(entries, capped, "vat", "2025-02")[Huangpu]);
        Assert.Equal(-60.00m, Entry.Current(entries, based, "cit", "2025-03")[Tianhe]);
        Assert.Equal(-40.00m, Entry.Current(entries, based, "cit", "2025-03")[Huangpu]);

        // And the draft goes on through its lifecycle; a new agreement takes the next number.
        await ledger.FireAsync(draft, "submit", District(Tianhe));
        var next = await ledger.CreateAsync(TwoParty(CreditCode(Huangpu, 33), ["pit"], title: "重启后新协议"));
        Assert.DoesNotContain(next, new[] { active, draft });
    }
}

public sealed class RestartOnSqliteEndToEndTests
{
    [Fact]
    public async Task After_a_restart_on_sqlite_the_ledger_answers_the_same_and_carries_on()
    {
        await using var ledger = await StartAsync();
        await RestartScenario.RunAsync(ledger);
    }
}

[Collection(PostgresFixture.Collection)]
public sealed class RestartOnPostgresEndToEndTests(PostgresFixture postgres)
{
    [Fact]
    public async Task After_a_restart_on_postgresql_the_ledger_answers_the_same_and_carries_on()
    {
        await using var ledger = await StartAsync(StoreOptions.PostgreSql(await postgres.CreateDatabaseAsync("e2e_restart")));
        await RestartScenario.RunAsync(ledger);
    }
}
