using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace RevenueShare.Benchmarks;

/// <summary>
/// Sustained load on the city-year's server (issue 10) for <c>--load-seconds</c> (180 by default):
/// the offices of <see cref="LoadTraffic"/>, run as a second process of this harness so that this
/// process holds the server alone, as <c>revshare serve</c> would. A line every 15 s shows the rate,
/// the reads' p50/p99, the read side's lag and the working set; then the server is left idle past its
/// passivation time and the working set read again.
/// </summary>
internal sealed class LoadPhase(BenchRun run)
{
    public async Task RunAsync(BenchServer server, Dictionary<string, string> tokens, string district)
    {
        var duration = TimeSpan.FromSeconds(run.Options.LoadSeconds);
        var writes = new ConcurrentBag<double>();
        var reads = new ConcurrentQueue<(double At, double Ms)>();
        int booked = 0, unavailable = 0, refused = 0;
        var timeline = new List<string>();
        var maxLag = TimeSpan.Zero;
        var peak = 0L;

        using var traffic = StartTraffic(server, district, duration);
        await traffic.StandardInput.WriteLineAsync(JsonSerializer.Serialize(tokens));
        traffic.StandardInput.Close();
        while (await traffic.StandardOutput.ReadLineAsync() is { } line && line != LoadTraffic.Ready)
        {
        }

        var watch = Stopwatch.StartNew();
        var pausedBefore = GC.GetTotalPauseDuration();
        using var stop = new CancellationTokenSource(duration);

        async Task ListenAsync()
        {
            while (await traffic.StandardOutput.ReadLineAsync() is { } line)
            {
                var words = line.Split(' ');
                var number = double.Parse(words[1], CultureInfo.InvariantCulture);
                switch (words[0])
                {
                    case "write":
                        writes.Add(number);
                        Interlocked.Add(ref booked, int.Parse(words[2], CultureInfo.InvariantCulture));
                        break;
                    case "read":
                        reads.Enqueue((watch.Elapsed.TotalSeconds, number));
                        unavailable += words[2] == "503" ? 1 : 0;
                        break;
                    case "refused":
                        refused = (int)number;
                        break;
                    default:
                        throw new InvalidOperationException($"load: the traffic wrote '{line}'.");
                }
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
                    var bookedNow = Volatile.Read(ref booked);
                    timeline.Add($"{second,4} s: {(bookedNow - last.Booked) / (now - last.At),7:F0} reports/s, reads p50 {Stats.Percentile(window, 0.5),5:F0} ms p99 {Stats.Percentile(window, 0.99),5:F0} ms, "
                        + $"lag {lag.TotalMilliseconds,5:F0} ms, working set {Stats.Mib(Environment.WorkingSet)} (GC heap {Stats.Mib(gc.HeapSizeBytes)}, committed {Stats.Mib(gc.TotalCommittedBytes)}, "
                        + $"paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds:F1} s), {await server.LiveAgreementsAsync()} agreements live");
                    Console.WriteLine("load: " + timeline[^1]);
                    last = (now, bookedNow);
                }
            }
        }

        Console.WriteLine($"load: {LoadTraffic.Writers} writers + {LoadTraffic.Readers} readers (a process of their own) for {duration.TotalSeconds:F0} s");
        await Task.WhenAll(ListenAsync(), WatchAsync());
        await traffic.WaitForExitAsync();
        var elapsed = watch.Elapsed;
        var endSet = Environment.WorkingSet;
        if (traffic.ExitCode != 0)
        {
            run.Failures.Add($"load: the traffic's process ended with {traffic.ExitCode}");
        }

        // Idle past the passivation time (and a GC's chance to give memory back) before reading it again.
        await Task.Delay(BenchServer.PassivateAfter + TimeSpan.FromSeconds(15));
        var idleSet = Environment.WorkingSet;
        var idleHeap = GC.GetGCMemoryInfo();
        var idleResident = Stats.Resident();
        var live = await server.LiveAgreementsAsync();

        var readMs = reads.Select(r => r.Ms).ToList();
        var p99 = Stats.Percentile(readMs, 0.99);
        run.Rows.Add(("load: 4 writers + 4 readers, reports booked/s", (booked / elapsed.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture), "—",
            $"{booked} reports in {elapsed.TotalSeconds:F0} s; write p50 / p99 {Stats.Percentile([.. writes], 0.5):F0} / {Stats.Percentile([.. writes], 0.99):F0} ms; {refused} batches answered 429 and sent again"));
        run.Rows.Add(("load: reads p50 / p99", $"{Stats.Percentile(readMs, 0.5):F0} / {p99:F0} ms", "p99 < 1 s", $"{readMs.Count} reads; {unavailable} answered 503"));
        run.Rows.Add(("load: read side's lag, max of 1 s samples", $"{maxLag.TotalMilliseconds:F0} ms", "< 2 s", "ReadBarrier.Lag: the oldest acknowledged write not yet readable"));
        run.Rows.Add(("load: the server's working set peak / at the end / idle 30 s", $"{Stats.Mib(peak)} / {Stats.Mib(endSet)} / {Stats.Mib(idleSet)}", "< 1 GiB",
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

    /// <summary>This harness again, as the load's clients (<see cref="LoadTraffic.RunAsync(string[])"/>), on the server's address.</summary>
    private Process StartTraffic(BenchServer server, string district, TimeSpan duration)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Run as `dotnet RevenueShare.Benchmarks.dll`, the process is dotnet's: the harness is its first argument.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LoadPhase).Assembly.Location);
        }

        foreach (var argument in new[]
        {
            "--load-client", "--url", server.Client.Http.BaseAddress!.ToString(), "--scale", run.Options.Scale.ToString(CultureInfo.InvariantCulture),
            "--seconds", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--district", district,
        })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("load: the traffic's process did not start.");
    }
}
