using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using RevenueShare.Domain.Documents;

namespace RevenueShare.Benchmarks;

/// <summary>
/// Sustained load on the city-year's server (issue 10): four writers at full speed and four readers
/// for <c>--load-seconds</c> (180 by default). The writers send the agreements' later years
/// (2026–2029, new figures), then restatements of every year, a batch of 1,000 at a time, each batch
/// sent again after its Retry-After when the ledger answers 429. The readers ask allocations and
/// reconciliations in turn. A line every 15 s shows the rate, the reads' p50/p99, the read side's lag
/// and the working set; then the server is left idle past its passivation time and the working set read
/// again.
/// </summary>
internal sealed class LoadPhase(BenchRun run)
{
    private const int Writers = 4;
    private const int Readers = 4;

    public async Task RunAsync(BenchServer server, Dictionary<string, string> tokens, string district)
    {
        var duration = TimeSpan.FromSeconds(run.Options.LoadSeconds);
        var batches = Traffic().GetEnumerator();
        var writes = new ConcurrentBag<double>();
        var reads = new ConcurrentQueue<(double At, double Ms)>();
        int booked = 0, unavailable = 0, refusedBefore = server.Refused;
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var timeline = new List<string>();
        var maxLag = TimeSpan.Zero;
        var peak = 0L;
        var pausedBefore = GC.GetTotalPauseDuration();

        async Task WriteAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                (string Family, FigureReportDocument[] Reports) batch;
                lock (batches)
                {
                    if (!batches.MoveNext())
                    {
                        return;
                    }

                    batch = batches.Current;
                }

                var one = Stopwatch.StartNew();
                var answer = await server.SendAsync(HttpMethod.Post, "/api/figures", tokens[batch.Family], BenchServer.Batch(batch.Reports), HttpStatusCode.OK);
                writes.Add(Stats.Ms(one));
                Interlocked.Add(ref booked, BenchServer.Booked(answer));
            }
        }

        async Task ReadAsync(int reader)
        {
            for (var n = reader; !stop.IsCancellationRequested; n += Readers)
            {
                var month = $"2025-{1 + (n % 12):00}";
                var path = n % 2 == 0
                    ? $"/api/allocations?district={district}&from={month}&to={month}"
                    : $"/api/reconciliation?month={month}";
                var one = Stopwatch.StartNew();
                if (await server.TrySendAsync(path, tokens[n % 2 == 0 ? "finance" : "statistics"]) == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref unavailable);
                }

                reads.Enqueue((watch.Elapsed.TotalSeconds, Stats.Ms(one)));
            }
        }

        async Task WatchAsync()
        {
            var last = (At: 0.0, Booked: 0);
            for (var second = 1; !stop.IsCancellationRequested; second++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(watch.ElapsedMilliseconds % 1000), CancellationToken.None);
                var lag = server.Lag;
                maxLag = lag > maxLag ? lag : maxLag;
                peak = Math.Max(peak, Environment.WorkingSet);
                if (second % 15 == 0)
                {
                    var now = watch.Elapsed.TotalSeconds;
                    var window = reads.Where(r => r.At > last.At).Select(r => r.Ms).ToList();
                    var gc = GC.GetGCMemoryInfo();
                    timeline.Add($"{second,4} s: {(booked - last.Booked) / (now - last.At),7:F0} reports/s, reads p50 {Stats.Percentile(window, 0.5),5:F0} ms p99 {Stats.Percentile(window, 0.99),5:F0} ms, "
                        + $"lag {lag.TotalMilliseconds,5:F0} ms, working set {Stats.Mib(Environment.WorkingSet)} (GC heap {Stats.Mib(gc.HeapSizeBytes)}, committed {Stats.Mib(gc.TotalCommittedBytes)}, "
                        + $"paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds:F1} s), {await server.LiveAgreementsAsync()} agreements live");
                    Console.WriteLine("load: " + timeline[^1]);
                    last = (now, booked);
                }
            }
        }

        Console.WriteLine($"load: {Writers} writers + {Readers} readers for {duration.TotalSeconds:F0} s");
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => WriteAsync())
            .Concat(Enumerable.Range(0, Readers).Select(ReadAsync))
            .Append(WatchAsync()));
        var elapsed = watch.Elapsed;
        var endSet = Environment.WorkingSet;

        // Idle past the passivation time (and a GC's chance to give memory back) before reading it again.
        await Task.Delay(BenchServer.PassivateAfter + TimeSpan.FromSeconds(15));
        var idleSet = Environment.WorkingSet;
        var idleHeap = GC.GetGCMemoryInfo();
        var idleResident = Stats.Resident();
        var live = await server.LiveAgreementsAsync();

        var readMs = reads.Select(r => r.Ms).ToList();
        var p99 = Stats.Percentile(readMs, 0.99);
        run.Rows.Add(("load: 4 writers + 4 readers, reports booked/s", (booked / elapsed.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture), "—",
            $"{booked} reports in {elapsed.TotalSeconds:F0} s; write p50 / p99 {Stats.Percentile([.. writes], 0.5):F0} / {Stats.Percentile([.. writes], 0.99):F0} ms; {server.Refused - refusedBefore} batches answered 429 and sent again"));
        run.Rows.Add(("load: reads p50 / p99", $"{Stats.Percentile(readMs, 0.5):F0} / {p99:F0} ms", "p99 < 1 s", $"{readMs.Count} reads; {unavailable} answered 503"));
        run.Rows.Add(("load: read side's lag, max of 1 s samples", $"{maxLag.TotalMilliseconds:F0} ms", "< 2 s", "ReadBarrier.Lag: the oldest acknowledged write not yet readable"));
        run.Rows.Add(("load: working set peak / at the end / idle 30 s", $"{Stats.Mib(peak)} / {Stats.Mib(endSet)} / {Stats.Mib(idleSet)}", "< 1 GiB",
            $"{live} agreements live when idle (passivated after {BenchServer.PassivateAfter.TotalSeconds:F0} s); idle GC heap {Stats.Mib(idleHeap.HeapSizeBytes)}, committed {Stats.Mib(idleHeap.TotalCommittedBytes)}; {idleResident}"));
        foreach (var line in timeline)
        {
            run.Rows.Add(("load timeline", line, "", ""));
        }

        if (unavailable > 0)
        {
            run.Failures.Add($"load: {unavailable} reads answered 503");
        }
    }

    /// <summary>New figures of 2026–2029, then restatements of 2025–2029 revision by revision (3, 4, …), tax and statistics batches in turn.</summary>
    private IEnumerable<(string Family, FigureReportDocument[] Reports)> Traffic()
    {
        // Revision 2 of 2025 is the restatements phase's: the restatements here start at 3.
        for (var revision = 1; ; revision = revision == 1 ? 3 : revision + 1)
        {
            for (var year = revision == 1 ? 2026 : 2025; year <= 2029; year++)
            {
                using var tax = Year("tax", year, revision).Chunk(BenchRun.BatchSize).GetEnumerator();
                using var statistics = Year("statistics", year, revision).Chunk(BenchRun.BatchSize).GetEnumerator();
                bool moreTax = true, moreStatistics = true;
                while (moreTax || moreStatistics)
                {
                    if (moreTax && (moreTax = tax.MoveNext()))
                    {
                        yield return ("tax", tax.Current);
                    }

                    if (moreStatistics && (moreStatistics = statistics.MoveNext()))
                    {
                        yield return ("statistics", statistics.Current);
                    }
                }
            }
        }
    }

    private IEnumerable<FigureReportDocument> Year(string family, int year, int revision) =>
        revision == 1 && year != 2025
            ? Generator.Year(run.Agreements, family, year)
            : Generator.Year(run.Agreements, family, year).Select(r => r with
            {
                ReportId = r.ReportId![..^2] + "r" + revision.ToString(CultureInfo.InvariantCulture),
                Revision = revision,
            });
}
