using System.Diagnostics;
using NodaTime;

namespace RevenueShare.Benchmarks;

/// <summary>A clock fixed after 2029-12, so every month a benchmark reports has ended (China time).</summary>
internal sealed class FixedClock : IClock
{
    public static readonly Instant Now = Instant.FromUtc(2030, 2, 1, 0, 0, 0);

    public Instant GetCurrentInstant() => Now;
}

/// <summary>Samples the process's working set and GC heap while a phase runs: its own peak, not the process's lifetime one.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly int gen0 = GC.CollectionCount(0);
    private readonly int gen1 = GC.CollectionCount(1);
    private readonly int gen2 = GC.CollectionCount(2);
    private readonly TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly TimeSpan pauses = GC.GetTotalPauseDuration();

    public MemorySampler()
    {
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Sample();
                try
                {
                    await Task.Delay(50, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
    }

    public long PeakWorkingSet { get; private set; }

    public long PeakHeap { get; private set; }

    public string GcCounts => $"GCs gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - pauses).TotalSeconds:F1} s";

    /// <summary>Process CPU over wall time and cores since the phase began: near 100% means CPU-bound on this machine.</summary>
    public string Cpu
    {
        get
        {
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            return $"CPU {used.TotalSeconds / (wall.Elapsed.TotalSeconds * Environment.ProcessorCount):P0} of {Environment.ProcessorCount} cores";
        }
    }

    private void Sample()
    {
        PeakWorkingSet = Math.Max(PeakWorkingSet, Environment.WorkingSet);
        PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(false));
    }

    public async ValueTask DisposeAsync()
    {
        Sample();
        await stop.CancelAsync();
        await loop;
    }
}

internal static class Stats
{
    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string Mib(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MiB";

    /// <summary>The working set split as Linux counts it (anonymous memory, mapped files), from /proc/self/status.</summary>
    public static string Resident()
    {
        var fields = File.ReadLines("/proc/self/status")
            .Select(line => line.Split(':', 2))
            .Where(f => f.Length == 2 && f[0] is "RssAnon" or "RssFile" or "RssShmem")
            .Select(f => $"{f[0]} {long.Parse(f[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024} MiB");
        return string.Join(", ", fields);
    }

    public static double Ms(Stopwatch watch) => watch.Elapsed.TotalMilliseconds;
}
