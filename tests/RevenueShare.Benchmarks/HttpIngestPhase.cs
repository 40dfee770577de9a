using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using RevenueShare.Domain.Documents;

namespace RevenueShare.Benchmarks;

/// <summary>
/// The city-year through HTTP, the benchmark's headline figure: the agreements created and approved
/// over the API, then every batch posted, timed until the read side has caught up. Over a cluster,
/// each office's batches go to the nodes in turn.
/// </summary>
internal sealed class HttpIngestPhase(BenchRun run, IReadOnlyList<BenchServer> servers, Dictionary<string, string> tokens)
{
    private readonly BenchServer server = servers[0];

    /// <summary>The rate and the time from the first batch to the read side caught up.</summary>
    public async Task<(double Rate, TimeSpan Elapsed)> RunAsync(List<FigureReportDocument[]> tax, List<FigureReportDocument[]> statistics, string district)
    {
        await ActivateAgreementsAsync();

        // Bodies are serialized before the clock starts: the figure is the server's, not the client's JSON writer.
        var taxBodies = tax.Select(BenchClient.Batch).ToList();
        var statisticsBodies = statistics.Select(BenchClient.Batch).ToList();

        GC.Collect();
        return await IngestAsync(taxBodies, statisticsBodies, tax.Sum(b => b.Length) + statistics.Sum(b => b.Length), district);
    }

    private async Task ActivateAgreementsAsync()
    {
        var setup = Stopwatch.StartNew();
        await Parallel.ForEachAsync(run.Agreements, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (agreement, _) =>
        {
            var created = await server.Client.SendAsync(HttpMethod.Post, "/api/agreements", tokens["district:" + agreement.Proposer.Value], BenchClient.Body(agreement.Document), HttpStatusCode.Created);
            var id = JsonDocument.Parse(created).RootElement.GetProperty("id").GetString()!;
            await server.Client.SendAsync(HttpMethod.Post, $"/api/agreements/{id}/submit", tokens["district:" + agreement.Proposer.Value], null, HttpStatusCode.OK);
            foreach (var party in agreement.Countersigners)
            {
                await server.Client.SendAsync(HttpMethod.Post, $"/api/agreements/{id}/countersign", tokens["district:" + party.Value], null, HttpStatusCode.OK);
            }

            await server.Client.SendAsync(HttpMethod.Post, $"/api/agreements/{id}/approve", tokens["finance"], Encoding.UTF8.GetBytes("{\"reason\":\"benchmark\"}"), HttpStatusCode.OK);
        });
        Console.WriteLine($"HTTP: {run.Agreements.Count} agreements created and approved over HTTP in {setup.Elapsed.TotalSeconds:F1} s");
    }

    private async Task<(double Rate, TimeSpan Elapsed)> IngestAsync(List<byte[]> taxBodies, List<byte[]> statisticsBodies, int count, string district)
    {
        var latencies = new ConcurrentBag<double>();
        var booked = 0;
        var watch = Stopwatch.StartNew();
        await using var memory = new MemorySampler();
        async Task Send(string token, List<byte[]> bodies)
        {
            foreach (var (body, i) in bodies.Select((b, i) => (b, i)))
            {
                var one = Stopwatch.StartNew();
                var answer = await servers[i % servers.Count].Client.SendAsync(HttpMethod.Post, "/api/figures", token, body, HttpStatusCode.OK);
                latencies.Add(Stats.Ms(one));
                Interlocked.Add(ref booked, BenchClient.Booked(answer));
            }
        }

        // One stream per office, as reporters send; --senders N splits each office's
        // batches over N concurrent streams, to see whether ingest is bound by latency or by work.
        static IEnumerable<List<byte[]>> Split(List<byte[]> bodies, int n) =>
            Enumerable.Range(0, n).Select(k => bodies.Where((_, i) => i % n == k).ToList());
        await Task.WhenAll(Split(taxBodies, run.Options.Senders).Select(b => Send(tokens["tax"], b))
            .Concat(Split(statisticsBodies, run.Options.Senders).Select(b => Send(tokens["statistics"], b))));
        var acknowledged = watch.Elapsed;
        var gaveUp = 0;
        while (await server.Client.TrySendAsync($"/api/allocations?district={district}&from=2025-12&to=2025-12", tokens["finance"]) == HttpStatusCode.ServiceUnavailable)
        {
            gaveUp++;
        }

        watch.Stop();
        var cpu = memory.Cpu;
        await memory.DisposeAsync();
        if (booked != count)
        {
            run.Failures.Add($"HTTP ingest booked {booked} of {count} reports");
        }

        var rate = booked / watch.Elapsed.TotalSeconds;
        var list = latencies.ToList();
        Console.WriteLine($"HTTP: {booked} reports, acknowledged in {acknowledged.TotalSeconds:F1} s, read side caught up at {watch.Elapsed.TotalSeconds:F1} s; {cpu}; {memory.GcCounts}");

        // The headline figure heads the table, though the in-process phase ran first.
        var over = servers.Count == 1 && run.Options.ClusterNodes is null ? string.Empty : $", {servers.Count} cluster node(s)";
        run.Rows.Insert(0, ($"ingest through HTTP (batches of 1,000{over}), reports/s", $"{rate:F0}", "≥ 20,000", $"{booked} reports in {watch.Elapsed.TotalSeconds:F1} s (acked {acknowledged.TotalSeconds:F1} s); {cpu}{BenchRun.GaveUp(gaveUp)}"));
        run.Rows.Insert(1, ("  batch latency p50 / p99 (HTTP)", $"{Stats.Percentile(list, 0.5):F0} / {Stats.Percentile(list, 0.99):F0} ms", "—", $"{2 * run.Options.Senders} streams (tax, statistics) sending in sequence"));
        run.Rows.Insert(2, ("  peak working set / GC heap (HTTP phase)", $"{Stats.Mib(memory.PeakWorkingSet)} / {Stats.Mib(memory.PeakHeap)}", "< 1 GiB", memory.GcCounts));
        var process = Process.GetCurrentProcess();
        process.Refresh();
        run.Rows.Add(("peak working set, whole process (PeakWorkingSet64)", Stats.Mib(process.PeakWorkingSet64), "< 1 GiB", "includes the client, the bodies and earlier phases"));
        return (rate, watch.Elapsed);
    }
}
