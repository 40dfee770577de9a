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

    /// <summary>Waits until the projection has passed every write acknowledged so far.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await caughtUp.Task.WaitAsync(cancellationToken);
        var pending = acknowledged.ToArray();
        while (true)
        {
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
