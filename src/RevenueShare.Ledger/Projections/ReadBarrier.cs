using System.Collections.Concurrent;
using System.Diagnostics;
using RevenueShare.Ledger.Observability;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// Read-your-writes: every acknowledged write registers its journal position here, the projection
/// reports what it has written, and a read first waits until everything acknowledged before it
/// began has been projected. At start the projection also catches up with the whole journal before
/// any read is answered, so writes acknowledged before a restart are visible after it.
/// <para>
/// It also admits figure batches (<see cref="AdmitAsync"/>) by the reports admitted and not yet
/// readable, and measures the read side's lag — how long the oldest acknowledged write not yet
/// projected has waited: ingest is slowed, and at worst refused, before reads would wait long.
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
    private readonly int backlogBound;
    private readonly int readingBound;
    private readonly object admission = new();
    private readonly LedgerMetrics metrics;
    private readonly List<(int Reports, (string PersistenceId, long SequenceNr)[] Positions)> awaitingProjection = [];
    private long backlog;
    private long lastRead = long.MinValue;
    private Func<CancellationToken, Task>? othersWrites;
    private TaskCompletionSource progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReadBarrier(LedgerOptions options, LedgerMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        lagBound = options.ReadLagBound;
        backlogBound = options.ProjectionBacklog;
        readingBound = Math.Min(options.ReadingBacklog, options.ProjectionBacklog);
        this.metrics = metrics;
        metrics.Meter.CreateObservableGauge("revshare.read_side.lag", () => Lag.TotalSeconds, "s",
            "How long the oldest write this process acknowledged and the read side does not hold yet has waited (0 when it holds all).");
        metrics.Meter.CreateObservableGauge("revshare.read_side.lag_events", () => UnprojectedEvents, "{event}",
            "Journal events this process acknowledged that the read side does not hold yet.");
        metrics.Meter.CreateObservableGauge("revshare.admission.backlog", () => Backlog, "{report}",
            "Figure reports admitted for booking and not yet readable (the bound that slows ingest).");
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

        lock (admission)
        {
            ReleaseProjected();
        }

        Interlocked.Exchange(ref progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public void CaughtUp() => caughtUp.TrySetResult();

    /// <summary>
    /// In a cluster, writes acknowledged by other nodes are not registered here: a read also waits for
    /// <paramref name="fence"/>, which returns once the projection has passed what the journal held
    /// when it was called (<see cref="Cluster.ClusterReadSide"/>).
    /// </summary>
    public void AlsoWaitFor(Func<CancellationToken, Task> fence) => othersWrites = fence;

    /// <summary>The agreements (persistence ids) with an acknowledged write this barrier has not seen projected.</summary>
    public IReadOnlyList<string> Unprojected =>
        [.. acknowledged.Where(p => !IsProjected(p.Key, p.Value)).Select(p => p.Key)];

    public bool IsCaughtUp => caughtUp.Task.IsCompleted;

    /// <summary>Journal events acknowledged here and not yet seen projected, over every agreement.</summary>
    public long UnprojectedEvents =>
        acknowledged.Sum(p => Math.Max(0, p.Value - (projected.TryGetValue(p.Key, out var done) ? done : 0)));

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
    /// Admits a figure batch of <paramref name="reports"/> reports that will need projecting: at once
    /// while the reports admitted and not yet readable, these included, stay within
    /// <see cref="LedgerOptions.ProjectionBacklog"/>, or <see cref="LedgerOptions.ReadingBacklog"/> while
    /// offices are reading (or none are waiting); else once the projection has made room. Counting what
    /// is admitted rather than only what is acknowledged holds back the batches
    /// still being decided and persisted too, so the lag cannot run past the bound before it shows. A
    /// batch that cannot be admitted within the lag bound, or arrives while the lag is past it, is
    /// refused (<see cref="LedgerBusyException"/>): reads would otherwise wait longer than the bound.
    /// The caller hands the admitted reports back with <see cref="Booked"/>, whatever became of them.
    /// </summary>
    public async Task AdmitAsync(int reports, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var next = progress.Task;
            var lag = Lag;
            if (lag > lagBound)
            {
                throw Busy(lag);
            }

            var bound = IsBeingRead ? readingBound : backlogBound;
            lock (admission)
            {
                if (backlog == 0 || backlog + reports <= bound)
                {
                    backlog += reports;
                    return;
                }
            }

            // Only a batch that still finds no room is refused for its wait: on a busy machine the
            // wake-up after the projection made room can itself come late.
            if (waited.Elapsed > lagBound)
            {
                throw Busy(lag);
            }

            await next.WaitAsync(TimeSpan.FromMilliseconds(50), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// The <paramref name="admitted"/> reports of a batch were answered: they leave the backlog once
    /// the journal <paramref name="positions"/> their agreements answered with are projected (at once
    /// when there are none: nothing was written, or it already is).
    /// </summary>
    public void Booked(int admitted, IReadOnlyCollection<(string PersistenceId, long SequenceNr)> positions)
    {
        lock (admission)
        {
            awaitingProjection.Add((admitted, [.. positions]));
            ReleaseProjected();
        }
    }

    private LedgerBusyException Busy(TimeSpan lag)
    {
        metrics.IngestRefused();
        return new LedgerBusyException(lag, lagBound);
    }

    /// <summary>Takes the batches whose positions are all projected out of the backlog; under the admission lock.</summary>
    private void ReleaseProjected() =>
        awaitingProjection.RemoveAll(batch =>
        {
            if (!batch.Positions.All(p => IsProjected(p.PersistenceId, p.SequenceNr)))
            {
                return false;
            }

            backlog -= batch.Reports;
            return true;
        });

    /// <summary>Whether a read asked for the projection within the last lag bound: the smaller backlog is admitted then.</summary>
    private bool IsBeingRead
    {
        get
        {
            var at = Interlocked.Read(ref lastRead);
            return at != long.MinValue && Stopwatch.GetElapsedTime(at) < lagBound;
        }
    }

    /// <summary>Reports admitted and not yet readable (<see cref="AdmitAsync"/>).</summary>
    public long Backlog
    {
        get
        {
            lock (admission)
            {
                return backlog;
            }
        }
    }

    /// <summary>
    /// Waits until the projection has passed every write acknowledged so far. A projection that does
    /// not get there within <see cref="MaxWait"/> is failing: the read is refused rather than left
    /// hanging or answered with stale data.
    /// </summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await WaitForProjectionAsync(cancellationToken);
        }
        catch (ReadSideUnavailableException)
        {
            metrics.ReadRefused();
            throw;
        }
        finally
        {
            metrics.ReadWaited(Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task WaitForProjectionAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref lastRead, Stopwatch.GetTimestamp());
        var waited = Stopwatch.StartNew();
        try
        {
            await caughtUp.Task.WaitAsync(MaxWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new ReadSideUnavailableException("The read side has not caught up with the journal since start.");
        }

        if (othersWrites is { } fence)
        {
            try
            {
                await fence(cancellationToken).WaitAsync(MaxWait, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new ReadSideUnavailableException($"The read side has not caught up with the journal's writes within {MaxWait.TotalSeconds} s.");
            }
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

    /// <summary>
    /// For a stop: waits until the projection has passed every write acknowledged so far, or until
    /// <paramref name="cancellationToken"/> (the end of the stop's bound); whether it got there. Not
    /// getting there loses nothing — the next start projects the rest before it answers a read — but an
    /// operator is told.
    /// </summary>
    public async Task<bool> HoldsAcknowledgedAsync(CancellationToken cancellationToken)
    {
        var pending = acknowledged.ToArray();
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = progress.Task;
            if (pending.All(p => IsProjected(p.Key, p.Value)))
            {
                return true;
            }

            await next.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return false;
    }

    private bool IsProjected(string persistenceId, long sequenceNr) =>
        projected.TryGetValue(persistenceId, out var done) && done >= sequenceNr;
}
