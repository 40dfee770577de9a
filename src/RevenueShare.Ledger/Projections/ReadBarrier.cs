using System.Collections.Concurrent;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// Read-your-writes: every acknowledged write registers its journal position here, the projection
/// reports what it has written, and a read first waits until everything acknowledged before it
/// began has been projected. At start the projection also catches up with the whole journal before
/// any read is answered, so writes acknowledged before a restart are visible after it.
/// </summary>
public sealed class ReadBarrier
{
    private readonly ConcurrentDictionary<string, long> acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> projected = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Acknowledged(string persistenceId, long sequenceNr) =>
        acknowledged.AddOrUpdate(persistenceId, sequenceNr, (_, known) => Math.Max(known, sequenceNr));

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

    /// <summary>
    /// Waits until the projection has passed every write acknowledged so far. A projection that does
    /// not get there within <see cref="MaxWait"/> is failing: the read is refused rather than left
    /// hanging or answered with stale data.
    /// </summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
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
            if (pending.All(p => projected.TryGetValue(p.Key, out var done) && done >= p.Value))
            {
                return;
            }

            await next.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
