using System.Runtime;
using Microsoft.Extensions.Hosting;

namespace RevenueShare.Ledger.Agreements;

/// <summary>
/// Gives the memory of passivated agreements back to the machine once the ledger is idle. The
/// garbage collector only shrinks its heap when it runs, and an idle process allocates nothing that
/// would make it run: without this, a process that held a month-end's agreements keeps that much
/// memory for as long as nobody writes. So when agreements were passivated and no figure batch came
/// for a whole check interval, one aggressive (decommitting) collection runs.
/// </summary>
public sealed class IdleMemoryTrim : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private long passivations;
    private long writes;

    /// <summary>An agreement left memory.</summary>
    public void Passivated() => Interlocked.Increment(ref passivations);

    /// <summary>A write that will need memory came in.</summary>
    public void Wrote() => Interlocked.Increment(ref writes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var seen = (Passivations: 0L, Writes: 0L);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var now = (Passivations: Interlocked.Read(ref passivations), Writes: Interlocked.Read(ref writes));
            if (now.Passivations != seen.Passivations && now.Writes == seen.Writes)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                seen.Passivations = now.Passivations;
            }

            seen.Writes = now.Writes;
        }
    }
}
