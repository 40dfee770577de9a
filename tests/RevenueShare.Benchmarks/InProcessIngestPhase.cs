using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Figures;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Reads;

namespace RevenueShare.Benchmarks;

/// <summary>The city-year booked through <see cref="LedgerGateway"/> without HTTP, to tell the ledger's cost from the server's.</summary>
internal sealed class InProcessIngestPhase(BenchRun run)
{
    public async Task RunAsync(List<FigureReportDocument[]> tax, List<FigureReportDocument[]> statistics)
    {
        Console.WriteLine("in-process: starting the ledger without HTTP");
        var store = await run.Stores.NewAsync("inproc");
        using var host = await run.StartLedgerAsync(store);
        var gateway = host.Services.GetRequiredService<LedgerGateway>();
        var reads = host.Services.GetRequiredService<ReadModel>();
        foreach (var agreement in run.Agreements)
        {
            await run.ActivateAsync(gateway, agreement, $"generated agreement {agreement.Index}");
        }

        GC.Collect();
        var latencies = new ConcurrentBag<double>();
        var booked = 0;
        var watch = Stopwatch.StartNew();
        await using (var memory = new MemorySampler())
        {
            async Task Send(Principal office, List<FigureReportDocument[]> batches)
            {
                foreach (var batch in batches)
                {
                    var one = Stopwatch.StartNew();
                    var reports = new List<FigureReport>(batch.Length);
                    for (var i = 0; i < batch.Length; i++)
                    {
                        if (!FigureReportReader.TryRead(batch[i], $"$.reports[{i}]", run.Reference, out var report, out var problems))
                        {
                            throw new InvalidOperationException($"generated report invalid: {problems[0].Message}");
                        }

                        reports.Add(report);
                    }

                    var outcomes = await BenchRun.BookAsync(gateway, office, reports);
                    latencies.Add(Stats.Ms(one));
                    var ok = outcomes.Count(o => o.Status == ReportStatus.Booked);
                    if (ok != batch.Length)
                    {
                        var bad = outcomes.First(o => o.Status != ReportStatus.Booked);
                        throw new InvalidOperationException($"in-process: {batch.Length - ok} of {batch.Length} not booked, e.g. {bad.ReportId}: {bad.Rejection?.Message}");
                    }

                    Interlocked.Add(ref booked, ok);
                }
            }

            await Task.WhenAll(Send(Principal.Tax, tax), Send(Principal.Statistics, statistics));
            var acknowledged = watch.Elapsed;
            var gaveUp = await CatchUpAsync(reads);
            watch.Stop();
            var rate = booked / watch.Elapsed.TotalSeconds;
            var list = latencies.ToList();
            Console.WriteLine($"in-process: {booked} reports, acknowledged in {acknowledged.TotalSeconds:F1} s, read side caught up at {watch.Elapsed.TotalSeconds:F1} s; {memory.Cpu}; {memory.GcCounts}");
            await memory.DisposeAsync();
            run.Rows.Add(("ingest in-process (LedgerGateway), reports/s", $"{rate:F0}", "—", $"{booked} reports in {watch.Elapsed.TotalSeconds:F1} s (acked {acknowledged.TotalSeconds:F1} s); {memory.Cpu}{BenchRun.GaveUp(gaveUp)}"));
            run.Rows.Add(("  batch latency p50 / p99 (in-process)", $"{Stats.Percentile(list, 0.5):F0} / {Stats.Percentile(list, 0.99):F0} ms", "—", "two offices sending in sequence"));
            run.Rows.Add(("  peak working set / GC heap (in-process phase)", $"{Stats.Mib(memory.PeakWorkingSet)} / {Stats.Mib(memory.PeakHeap)}", "< 1 GiB", memory.GcCounts));
        }
    }

    /// <summary>
    /// Reads until the read side has caught up; the number of reads that gave up. A read gives up after
    /// the read barrier's 30 s (503 through HTTP): a store whose read side is further behind than that
    /// (PostgreSQL here) is waited out, and the give-ups are counted.
    /// </summary>
    private async Task<int> CatchUpAsync(ReadModel reads)
    {
        var december = new YearMonth(2025, 12);
        var gaveUp = 0;
        while (true)
        {
            try
            {
                await using var snapshot = await reads.SnapshotAsync(CancellationToken.None);
                await snapshot.AllocationsAsync(new AllocationQuery(null, run.Agreements[0].Proposer, null, december, december, ["tax", "statistics"], null), CancellationToken.None);
                return gaveUp;
            }
            catch (ReadSideUnavailableException)
            {
                gaveUp++;
            }
        }
    }
}
