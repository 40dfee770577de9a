using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using static RevenueShare.Server.Tests.EndToEnd.Harness.Docs;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Http;

public sealed class HealthTests
{
    [Fact]
    public async Task Ready_lists_its_checks_and_live_answers_without_them()
    {
        await using var ledger = await LedgerUnderTest.StartAsync();

        using var ready = JsonDocument.Parse(await ledger.Server.Client.GetStringAsync("/health/ready"));
        Assert.Equal("ok", ready.RootElement.GetProperty("status").GetString());
        Assert.Equal(
            ["read database:ok", "journal:ok", "read side:ok"],
            ready.RootElement.GetProperty("checks").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()}:{c.GetProperty("status").GetString()}").ToArray());

        using var live = JsonDocument.Parse(await ledger.Server.Client.GetStringAsync("/health/live"));
        Assert.Equal("live", live.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, live.RootElement.GetProperty("checks").GetArrayLength());
    }

    /// <summary>
    /// The read database held by another writer: the projection cannot write, the oldest booking it has
    /// not made readable ages past the lag bound (2 s), and ready turns red while live stays green; once
    /// the database is released the projection catches up and ready is green again.
    /// </summary>
    [Fact]
    public async Task A_stuck_projection_turns_ready_red_within_its_bound_and_green_once_it_catches_up()
    {
        await using var ledger = await LedgerUnderTest.StartAsync();
        await ledger.CreateActiveAsync(SmallLedger.ActiveDocument());
        var readFile = ledger.Store.FileOf(StoreOptions.ReadFileName);
        await ledger.BookAsync(Tax, Report("h-1", SmallLedger.ActiveEnterprise, "vat", "2025-01", "10.00"));
        await ledger.AllocationsAsync(); // the projection has caught up, and the tax office's token (kept in the read database) is issued

        HttpStatusCode red;
        JsonElement answer;
        var stuck = Stopwatch.StartNew();
        await using (var locker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = readFile, Pooling = false }.ToString()))
        {
            await locker.OpenAsync();
            await using var transaction = locker.BeginTransaction(deferred: false);
            await ledger.BookAsync(Tax, Report("h-2", SmallLedger.ActiveEnterprise, "vat", "2025-02", "20.00"));
            stuck.Restart();
            (red, answer) = await AwaitAsync(ledger, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.OK, (await ledger.Server.Client.GetAsync("/health/live")).StatusCode);
            await transaction.RollbackAsync();
        }

        Assert.True(red == HttpStatusCode.ServiceUnavailable, $"ready stayed {red} with the projection stuck: {answer}");
        Assert.True(stuck.Elapsed < TimeSpan.FromSeconds(2 + 3), $"ready turned red after {stuck.Elapsed}");
        var failing = answer.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("status").GetString() == "failing").Select(c => c.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["read side"], failing);
        Assert.Contains("past its bound", answer.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (green, after) = await AwaitAsync(ledger, HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.True(green == HttpStatusCode.OK, $"ready stayed {green} after the read database was released: {after}");
    }

    private static async Task<(HttpStatusCode Status, JsonElement Answer)> AwaitAsync(LedgerUnderTest ledger, HttpStatusCode expected, TimeSpan within)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var response = await ledger.Server.Client.GetAsync("/health/ready");
            var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (response.StatusCode == expected || waited.Elapsed > within)
            {
                return (response.StatusCode, answer);
            }

            await Task.Delay(100);
        }
    }
}
