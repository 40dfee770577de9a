using System.Text.Json.Nodes;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;
using Xunit.Abstractions;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Crash;

/// <summary>
/// <c>revshare serve</c> as a real process, killed with SIGKILL while a tax office streams figure
/// batches and a CSV import at it — during a batch, during the import, right after an acknowledgement —
/// and started again on the same data each time, as a reporter resends what was not acknowledged. The
/// ledger loses no acknowledged report, books none twice, answers every resend as a duplicate, ends equal
/// to a clean run of the same traffic on a fresh store, and passes <c>revshare verify</c>.
/// </summary>
public sealed class KillNineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killed_during_a_batch_an_import_and_after_an_acknowledgement_it_loses_nothing_acknowledged_books_nothing_twice_and_equals_a_clean_run()
    {
        using var folder = new TempDirectory();
        FigureTraffic traffic;
        string tax, finance;
        await using (var setup = await LedgerUnderTest.StartAsync(StoreOptions.Sqlite(folder.Path)))
        {
            traffic = await FigureTraffic.CreateAgreementsAsync(setup, agreements: 3, enterprises: 8);
            tax = await setup.TokenAsync(Tax);
            finance = await setup.TokenAsync(Finance);
        }

        // Months 1–3, 4–8 and 9–12 of vat, then months 1–3 restated: four sends, each one event per agreement.
        var batches = traffic.Batches();
        JsonObject[][] sends = [[.. batches.Take(3).SelectMany(b => b)], [.. batches.Skip(3).Take(5).SelectMany(b => b)], [.. batches.Skip(8).Take(4).SelectMany(b => b)], [.. batches.Skip(12).SelectMany(b => b)]];
        var acknowledged = new HashSet<string>(StringComparer.Ordinal);

        var service = await ServeProcess.StartAsync(folder.Path);
        var first = System.Diagnostics.Stopwatch.StartNew();
        Acknowledge(acknowledged, await SendAsync(service, FigureTraffic.BatchRequest(sends[0], tax)), only: ["booked"]);

        // kill -9 while a batch is being booked (the next one is larger: half the time the first took
        // falls inside it), then resend it: what was booked before the kill is a duplicate now.
        await KillDuringAsync(service, FigureTraffic.BatchRequest(sends[1], tax), first.Elapsed / 2, acknowledged, "a batch");
        service = await RestartAsync(folder.Path, finance, acknowledged);
        var resent = System.Diagnostics.Stopwatch.StartNew();
        Acknowledge(acknowledged, await SendAsync(service, FigureTraffic.BatchRequest(sends[1], tax)), only: ["booked", "duplicate"]);

        // kill -9 during a CSV import (three times the lines of that batch), then import the file again.
        await KillDuringAsync(service, traffic.CsvRequest(tax), resent.Elapsed, acknowledged, "a CSV import");
        service = await RestartAsync(folder.Path, finance, acknowledged);
        Acknowledge(acknowledged, await SendAsync(service, traffic.CsvRequest(tax)), only: ["booked", "duplicate"]);

        // kill -9 the moment a batch is acknowledged: what was acknowledged is on disk.
        Acknowledge(acknowledged, await SendAsync(service, FigureTraffic.BatchRequest(sends[2], tax)), only: ["booked"]);
        await service.KillAsync();
        service = await RestartAsync(folder.Path, finance, acknowledged);
        Acknowledge(acknowledged, await SendAsync(service, FigureTraffic.BatchRequest(sends[3], tax)), only: ["booked"]);

        var everything = sends.SelectMany(FigureTraffic.ReportIds).Concat(traffic.CsvReportIds()).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(everything.Order(StringComparer.Ordinal), acknowledged.Order(StringComparer.Ordinal));
        var entries = await FigureTraffic.EntriesAsync(service.Client, finance);
        var byReport = FigureTraffic.AgreementsByReport(entries);
        Assert.Equal(everything.Order(StringComparer.Ordinal), byReport.Keys.Order(StringComparer.Ordinal));
        Assert.All(byReport, report => Assert.True(report.Value.Count == 1, $"{report.Key} was booked under {string.Join(", ", report.Value)}"));
        Assert.Equal(await CleanRunAsync(sends, traffic), entries);

        // Everything sent again, as a reporter unsure of its last answers would: nothing is booked twice.
        foreach (var request in sends.Select(s => FigureTraffic.BatchRequest(s, tax)).Append(traffic.CsvRequest(tax)))
        {
            var statuses = await SendAsync(service, request);
            Assert.All(statuses, s => Assert.True(s.Value == "duplicate", $"{s.Key} resent: {s.Value}"));
        }

        await service.KillAsync();
        await service.DisposeAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var verified = await RevshareCli.RunAsync(["verify", "--data", folder.Path, "--contracts", TestReference.ContractsDirectory], stdout, stderr);
        Assert.True(verified == ExitCodes.Ok, stdout + "\n" + stderr);
    }

    /// <summary>The same agreements and sends, in the order the crashed ledger booked them, on a fresh store that never stopped.</summary>
    private static async Task<IReadOnlyList<string>> CleanRunAsync(JsonObject[][] sends, FigureTraffic crashed)
    {
        await using var clean = await LedgerUnderTest.StartAsync();
        var traffic = await FigureTraffic.CreateAgreementsAsync(clean, crashed.Agreements.Count, crashed.Enterprises[0].Count);
        Assert.Equal(crashed.Agreements, traffic.Agreements);
        var tax = await clean.TokenAsync(Tax);
        HttpRequestMessage[] requests =
        [
            FigureTraffic.BatchRequest(sends[0], tax), FigureTraffic.BatchRequest(sends[1], tax), traffic.CsvRequest(tax),
            FigureTraffic.BatchRequest(sends[2], tax), FigureTraffic.BatchRequest(sends[3], tax),
        ];
        foreach (var request in requests)
        {
            using var response = await clean.Server.Client.SendAsync(request);
            Assert.All(await FigureTraffic.StatusesAsync(response), s => Assert.Equal("booked", s.Value));
        }

        return await FigureTraffic.EntriesAsync(clean.Server.Client, await clean.TokenAsync(Finance));
    }

    private static async Task<IReadOnlyDictionary<string, string>> SendAsync(ServeProcess service, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await service.Client.SendAsync(request);
            return await FigureTraffic.StatusesAsync(response);
        }
    }

    private static void Acknowledge(HashSet<string> acknowledged, IReadOnlyDictionary<string, string> statuses, string[] only)
    {
        foreach (var (reportId, status) in statuses)
        {
            Assert.True(only.Contains(status), $"{reportId}: {status}, expected {string.Join(" or ", only)}");
            acknowledged.Add(reportId);
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and kills the service <paramref name="after"/> it was sent; an
    /// answer that came back first is an acknowledgement like any other. Which it was is logged: the
    /// assertions hold either way.
    /// </summary>
    private async Task KillDuringAsync(ServeProcess service, HttpRequestMessage request, TimeSpan after, HashSet<string> acknowledged, string what)
    {
        var sent = SendAsync(service, request);
        await Task.WhenAny(sent, Task.Delay(after));
        await service.KillAsync();
        try
        {
            Acknowledge(acknowledged, await sent, only: ["booked", "duplicate"]);
            output.WriteLine($"{what}: answered before the kill");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            output.WriteLine($"{what}: killed before its answer ({e.GetType().Name})");
        }

        await service.DisposeAsync();
    }

    /// <summary>Starts the service again on the same data and checks that every acknowledged report is there.</summary>
    private async Task<ServeProcess> RestartAsync(string folder, string finance, HashSet<string> acknowledged)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var service = await ServeProcess.StartAsync(folder);
        output.WriteLine($"restarted in {started.ElapsedMilliseconds} ms");
        var booked = FigureTraffic.AgreementsByReport(await FigureTraffic.EntriesAsync(service.Client, finance));
        var lost = acknowledged.Where(r => !booked.ContainsKey(r)).ToArray();
        Assert.True(lost.Length == 0, $"acknowledged but lost after the restart: {string.Join(", ", lost.Take(10))}");
        return service;
    }
}
