using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Benchmarks;

/// <summary>
/// Recovery of the largest agreement (60 months of every enterprise) after a fresh host start, from
/// its snapshot and without, each also broken into its steps outside the actor.
/// </summary>
internal sealed class RecoveryPhase(BenchRun run)
{
    public async Task RunAsync()
    {
        var largest = run.Generator.Largest();
        var store = await run.Stores.NewAsync("recovery");
        var total = largest.Enterprises.Count * 60 * 6;
        var id = await BuildAsync(largest, store, total);

        // The first start after the build also runs the read side's catch-up with the events the stopped
        // host had not projected yet (CPU and disk beside the recovery); the second start is recovery alone.
        var withSnapshotFirst = await RecoverAsync(store, id, total);
        var withSnapshot = await RecoverAsync(store, id, total);
        var stepsWithSnapshot = await BreakdownAsync(store, id, useSnapshot: true);
        var deleted = await run.Stores.DeleteSnapshotsAsync(store);
        var withoutSnapshot = await RecoverAsync(store, id, total);
        var stepsWithout = await BreakdownAsync(store, id, useSnapshot: false);
        run.Rows.Add(("recovery of the largest agreement, from its snapshot", $"{withSnapshot.Get:F0} ms", "< 1 s", $"{total} figures; GetAsync after a fresh host start (start {withSnapshot.Start:F0} ms); peak working set {Stats.Mib(withSnapshot.PeakWorkingSet)}"));
        run.Rows.Add(("  the same, first start after the build", $"{withSnapshotFirst.Get:F0} ms", "—", $"beside the read side catching up (start {withSnapshotFirst.Start:F0} ms); peak working set {Stats.Mib(withSnapshotFirst.PeakWorkingSet)}"));
        run.Rows.Add(("  its steps, outside the actor (from snapshot)", $"{stepsWithSnapshot.Total:F0} ms", "—", stepsWithSnapshot.ToString()));
        run.Rows.Add(("recovery of the largest agreement, without snapshot", $"{withoutSnapshot.Get:F0} ms", "—", $"replays every event ({deleted} snapshot rows deleted; start {withoutSnapshot.Start:F0} ms); peak working set {Stats.Mib(withoutSnapshot.PeakWorkingSet)}"));
        run.Rows.Add(("  its steps, outside the actor (without snapshot)", $"{stepsWithout.Total:F0} ms", "—", stepsWithout.ToString()));
    }

    /// <summary>The largest agreement activated and every figure of its 60 months booked, then the host stopped; its id.</summary>
    private async Task<string> BuildAsync(GeneratedAgreement largest, StoreOptions store, int total)
    {
        // Enough batches for several snapshots (one every 50 events) at any scale; at scale 1 batches of 1,000.
        var batch = Math.Clamp((int)Math.Ceiling(total / 360.0), 1, BenchRun.BatchSize);
        Console.WriteLine($"recovery: building the largest agreement, {largest.Enterprises.Count} enterprises × 60 months × 6 indicators = {total} figures, batches of {batch}");
        string id;
        var build = Stopwatch.StartNew();
        using (var host = await run.StartLedgerAsync(store))
        {
            var gateway = host.Services.GetRequiredService<LedgerGateway>();
            id = await run.ActivateAsync(gateway, largest, "largest agreement");
            var random = new Random(Generator.Seed + 5);
            async Task Send(Principal office, string[] indicators)
            {
                // Enterprise by enterprise, so each batch recomputes few enterprises: building the subject is not what is measured.
                var reports = largest.Enterprises.SelectMany(e => Enumerable.Range(0, 60).SelectMany(m => indicators.Select(i => (e, m, i))))
                    .Select(x => Generator.Report(random, x.e, x.i, 2025 + (x.m / 12), 1 + (x.m % 12), 1));
                foreach (var chunk in reports.Chunk(batch))
                {
                    var parsed = chunk.Select(d => FigureReportReader.TryRead(d, "$", run.Reference, out var r, out _) ? r : throw new InvalidOperationException("bad report")).ToList();
                    var outcomes = await BenchRun.BookAsync(gateway, office, parsed);
                    if (outcomes.Any(o => o.Status != ReportStatus.Booked))
                    {
                        var bad = outcomes.First(o => o.Status != ReportStatus.Booked);
                        throw new InvalidOperationException($"largest agreement: {bad.ReportId} not booked: {bad.Rejection?.Message}");
                    }
                }
            }

            await Send(Principal.Tax, Generator.TaxIndicators);
            await Send(Principal.Statistics, Generator.StatisticsIndicators);
            await host.StopAsync();
        }

        Console.WriteLine($"recovery: built in {build.Elapsed.TotalSeconds:F1} s");
        return id;
    }

    /// <summary>The recovery's steps timed one by one (<see cref="RecoveryBreakdown"/>), after a full collection.</summary>
    private async Task<RecoveryBreakdown.Steps> BreakdownAsync(StoreOptions store, string id, bool useSnapshot)
    {
        GC.Collect();
        var steps = await RecoveryBreakdown.MeasureAsync(store, run.Stores.IsPostgres, id, useSnapshot, run.Reference);
        Console.WriteLine($"recovery steps ({(useSnapshot ? "from snapshot" : "without snapshot")}): {steps}");
        GC.Collect();
        return steps;
    }

    private async Task<(double Start, double Get, long PeakWorkingSet)> RecoverAsync(StoreOptions store, string id, int figures)
    {
        GC.Collect();
        var start = Stopwatch.StartNew();
        using var host = await run.StartLedgerAsync(store);
        start.Stop();
        var gateway = host.Services.GetRequiredService<LedgerGateway>();
        var get = Stopwatch.StartNew();
        var memory = new MemorySampler();
        var state = await gateway.GetAsync(AgreementId.Parse(id), CancellationToken.None);
        get.Stop();
        await memory.DisposeAsync();
        var peak = memory.PeakWorkingSet;
        var heap = memory.PeakHeap;

        var count = state?.Books.Values.Sum(b => b.FigureCount) ?? 0;
        if (count != figures)
        {
            run.Failures.Add($"recovered agreement {id} holds {count} figures, expected {figures}");
        }

        Console.WriteLine($"recovery: host start {Stats.Ms(start):F0} ms, GetAsync {Stats.Ms(get):F0} ms, {count} figures, peak working set {Stats.Mib(peak)}, peak GC heap {Stats.Mib(heap)}");
        await host.StopAsync();
        return (Stats.Ms(start), Stats.Ms(get), peak);
    }
}
