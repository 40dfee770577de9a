using System.Diagnostics;
using System.Globalization;
using System.Net;
using RevenueShare.Domain.Documents;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Benchmarks;

/// <summary>
/// Restatements of 1% of the year (revision 2) through HTTP after the ingest, counted by the
/// adjustment entries they book: what baselines and caps make a restatement ripple into.
/// </summary>
internal sealed class RestatementsPhase(BenchRun run)
{
    public async Task RunAsync(BenchServer server, Dictionary<string, string> tokens, string district)
    {
        var random = new Random(Generator.Seed + 4);
        var enterprises = run.Agreements.SelectMany(a => a.Enterprises).ToArray();
        var count = Math.Max(2, run.ReportCount / 100);
        var chosen = new HashSet<(string, string, int)>();
        var restated = new List<FigureReportDocument>();
        var indicators = Generator.TaxIndicators.Concat(Generator.StatisticsIndicators).ToArray();
        while (restated.Count < count)
        {
            var key = (enterprises[random.Next(enterprises.Length)], indicators[random.Next(indicators.Length)], 1 + random.Next(12));
            if (chosen.Add(key))
            {
                restated.Add(Generator.Report(random, key.Item1, key.Item2, 2025, key.Item3, 2));
            }
        }

        var tax = restated.Where(r => Generator.TaxIndicators.Contains(r.Indicator)).Chunk(BenchRun.BatchSize).Select(BenchClient.Batch).ToList();
        var statistics = restated.Where(r => !Generator.TaxIndicators.Contains(r.Indicator)).Chunk(BenchRun.BatchSize).Select(BenchClient.Batch).ToList();
        var before = await CountAdjustmentsAsync(server.Database);
        var booked = 0;
        var watch = Stopwatch.StartNew();
        async Task Send(string token, List<byte[]> bodies)
        {
            foreach (var body in bodies)
            {
                Interlocked.Add(ref booked, BenchClient.Booked(await server.Client.SendAsync(HttpMethod.Post, "/api/figures", token, body, HttpStatusCode.OK)));
            }
        }

        await Task.WhenAll(Send(tokens["tax"], tax), Send(tokens["statistics"], statistics));
        await server.Client.SendAsync(HttpMethod.Get, $"/api/allocations?district={district}&from=2025-12&to=2025-12", tokens["finance"], null, HttpStatusCode.OK);
        watch.Stop();
        var adjustments = await CountAdjustmentsAsync(server.Database) - before;
        if (booked != restated.Count)
        {
            run.Failures.Add($"restatements booked {booked} of {restated.Count}");
        }

        Console.WriteLine($"restatements: {booked} booked (revision 2), {adjustments} adjustment entries, {watch.Elapsed.TotalSeconds:F2} s");
        run.Rows.Add(("restatements (1% of the year, revision 2), adjustments/s", $"{adjustments / watch.Elapsed.TotalSeconds:F0}", "—",
            $"{booked} restated → {adjustments} adjustment entries in {watch.Elapsed.TotalSeconds:F2} s ({booked / watch.Elapsed.TotalSeconds:F0} restatements/s)"));
    }

    private static async Task<long> CountAdjustmentsAsync(ReadDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM allocation_entries WHERE kind = 'adjustment'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
