using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using RevenueShare.Domain;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Benchmarks;

/// <summary>The offices' reads through HTTP after the ingest, each timed as the median of its repeats.</summary>
internal sealed class QueriesPhase(BenchRun run)
{
    /// <summary>
    /// <c>--only queries --store DIR</c>: the query phase alone against a kept store, so queries can be
    /// timed again without a new ingest. The host start includes the projection catching up (or
    /// rebuilding the read tables after a schema change).
    /// </summary>
    public async Task OnKeptStoreAsync(string store)
    {
        var options = run.Stores.IsPostgres ? StoreOptions.PostgreSql(store) : StoreOptions.Sqlite(store);
        if (!run.Stores.IsPostgres && !File.Exists(Path.Combine(options.DataDirectory, "journal.db")))
        {
            throw new InvalidOperationException($"no store under {options.DataDirectory}");
        }

        Console.WriteLine($"queries only: starting the server on {store}");
        var start = Stopwatch.StartNew();
        await using var server = await BenchServer.StartAsync(options, run.Contracts);
        var finance = await server.TokenAsync(Principal.Finance);

        // The first read waits for the projection to have caught up with the journal.
        await server.Client.SendAsync(HttpMethod.Get, "/api/agreements", finance, null, HttpStatusCode.OK);
        start.Stop();
        Console.WriteLine($"queries only: host started and read side caught up in {start.Elapsed.TotalSeconds:F1} s");
        run.Rows.Add(("host start on the kept store, read side caught up", $"{start.Elapsed.TotalSeconds:F1} s", "—", "includes a rebuild of the read tables if their schema changed"));
        await RunAsync(server, finance, run.Agreements[0].Proposer.Value);
        await new PagesPhase(run).RunAsync(server, run.Agreements[0].Proposer.Value);
    }

    public async Task RunAsync(BenchServer server, string finance, string district)
    {
        var repeats = run.Options.Quick ? 1 : 7;
        await QueryAsync(server, finance, "allocations, one district and month (GET /api/allocations)", $"/api/allocations?district={district}&from=2025-06&to=2025-06", repeats, required: true);
        await QueryAsync(server, finance, "reconciliation for a month (GET /api/reconciliation)", "/api/reconciliation?month=2025-06", repeats, required: false);
        await QueryAsync(server, finance, "year-end settlement (GET /api/settlement)", "/api/settlement?year=2025", repeats, required: false);
        await QueryAsync(server, finance, "district statement for the year (GET /api/districts/{code}/statement)", $"/api/districts/{district}/statement?from=2025-01&to=2025-12", repeats, required: false);
        if (run.Options.Answers is not null)
        {
            // Only to compare two builds' answers: the other forms and ranges, once each.
            await QueryAsync(server, finance, "compare", "/api/reconciliation?month=2025-12&format=csv", 1, required: true);
            await QueryAsync(server, finance, "compare", "/api/settlement?year=2025&format=csv", 1, required: true);
            await QueryAsync(server, finance, "compare", "/api/settlement?year=2024", 1, required: true);
            await QueryAsync(server, finance, "compare", "/api/districts/440106/statement?from=2025-03&to=2025-08&format=csv", 1, required: true);
            foreach (var code in run.Reference.Districts.Select(d => d.Code))
            {
                await QueryAsync(server, finance, "compare", $"/api/districts/{code}/statement?from=2025-01&to=2025-12", 1, required: true);
            }

            run.Rows.RemoveAll(r => r.Figure == "compare");
        }
    }

    private async Task QueryAsync(BenchServer server, string token, string name, string path, int repeats, bool required)
    {
        var times = new List<double>();
        var size = 0;
        var last = Array.Empty<byte>();
        for (var i = 0; i < repeats; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var watch = Stopwatch.StartNew();
            using var response = await server.Client.Http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                if (required)
                {
                    run.Failures.Add($"{path}: {(int)response.StatusCode}");
                }

                run.Rows.Add((name, "n/a (route not present)", "< 200 ms", $"GET {path} answered {(int)response.StatusCode}"));
                return;
            }

            size = body.Length;
            last = body;
            times.Add(Stats.Ms(watch));
        }

        run.Rows.Add((name, $"{Stats.Percentile(times, 0.5):F0} ms (max {times.Max():F0})", "< 200 ms", $"median of {repeats}; {size / 1024} KiB answer"));
        if (run.Options.Answers is not null)
        {
            Directory.CreateDirectory(run.Options.Answers);
            var file = new string(path.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').ToArray()) + ".json";
            await File.WriteAllBytesAsync(Path.Combine(run.Options.Answers, file), last);
        }
    }
}
