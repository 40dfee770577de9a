using System.Collections.Concurrent;
using System.Diagnostics;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// Read-your-writes: every acknowledged write registers its journal position here, the projection
/// reports what it has written, and a read first waits until everything acknowledged before it
/// began has been projected. At start the projection also catches up with the whole journal before
/// any read is answered, so writes acknowledged before a restart are visible after it.
/// <para>
/// It also measures the read side's lag — how long the oldest acknowledged write not yet projected
/// has waited — which figure batches are admitted by (<see cref="AdmitAsync"/>): ingest is slowed, and
/// at worst refused, before reads would wait long.
/// </para>
/// </summary>
public sealed class ReadBarrier
{
    private readonly ConcurrentDictionary<string, long> acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> projected = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(long At, string PersistenceId, long SequenceNr)> unprojected = new();
    private readonly object trimming = new();
    private readonly TaskCompletionSource caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan lagBound;
    private TaskCompletionSource progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReadBarrier(LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lagBound = options.ReadLagBound;
    }

    public void Acknowledged(string persistenceId, long sequenceNr)
    {
        acknowledged.AddOrUpdate(persistenceId, sequenceNr, (_, known) => Math.Max(known, sequenceNr));
        if (!IsProjected(persistenceId, sequenceNr))
        {
            unprojected.Enqueue((Stopwatch.GetTimestamp(), persistenceId, sequenceNr));
        }
    }

    public void Projected(IEnumerable<(string PersistenceId, long SequenceNr)> positions)
    {
        foreach (var (persistenceId, sequenceNr) in positions)
        {
            projected.AddOrUpdate(persistenceId, sequenceNr, (_, known) => Math.Max(known, sequenceNr));
        }

        Interlocked.Exchange(ref progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public void CaughtUp() => caughtUp.TrySetResult();

    public bool IsCaughtUp => caughtUp.Task.IsCompleted;

    /// <summary>How long a read waits for the projection before it is answered as unavailable.</summary>
    public static TimeSpan MaxWait { get; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the oldest acknowledged write that is not yet readable has waited (zero when all are).</summary>
    public TimeSpan Lag
    {
        get
        {
            lock (trimming)
            {
                while (unprojected.TryPeek(out var oldest))
                {
                    if (!IsProjected(oldest.PersistenceId, oldest.SequenceNr))
                    {
                        return Stopwatch.GetElapsedTime(oldest.At);
                    }

                    unprojected.TryDequeue(out _);
                }

                return TimeSpan.Zero;
            }
        }
    }

    /// <summary>
    /// Admits a write that will need projecting (a figure batch): at once while the lag is under a
    /// quarter of its bound; else after waiting for the projection to bring it there. A lag past the
    /// bound, or one that does not come down within the bound, refuses the write
    /// (<see cref="LedgerBusyException"/>): reads would otherwise wait longer than the bound.
    /// </summary>
    public async Task AdmitAsync(CancellationToken cancellationToken)
    {
        var admitted = lagBound / 4;
        var waited = Stopwatch.StartNew();
        while (Lag is var lag && lag > admitted)
        {
            if (lag > lagBound || waited.Elapsed > lagBound)
            {
                throw new LedgerBusyException(lag, lagBound);
            }

            await progress.Task.WaitAsync(TimeSpan.FromMilliseconds(50), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Waits until the projection has passed every write acknowledged so far. A projection that does
    /// not get there within <see cref="MaxWait"/> is failing: the read is refused rather than left
    /// hanging or answered with stale data.
    /// </summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        try
        {
            await caughtUp.Task.WaitAsync(MaxWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new ReadSideUnavailableException("The read side has not caught up with the journal since start.");
        }

        var pending = acknowledged.ToArray();
        while (true)
        {
            if (waited.Elapsed > MaxWait)
            {
                throw new ReadSideUnavailableException($"The read side has not caught up with acknowledged writes within {MaxWait.TotalSeconds} s.");
            }

            var next = progress.Task;
            if (pending.All(p => IsProjected(p.Key, p.Value)))
            {
                return;
            }

            await next.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private bool IsProjected(string persistenceId, long sequenceNr) =>
        projected.TryGetValue(persistenceId, out var done) && done >= sequenceNr;
}
