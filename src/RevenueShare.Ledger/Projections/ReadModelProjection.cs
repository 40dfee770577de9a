using Akka;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// Projects the agreements' journal into the read tables with Akka.Persistence.Query: first every
/// event already in the journal (then reads may be answered), then live, restarting from the stored
/// offset after a failure, until the actor system stops or <see cref="StopAsync"/> is called (a
/// cluster hands the projection to another node that way).
/// </summary>
public sealed class ReadModelProjection
{
    private const int BatchSize = 2000;
    private const int CatchUpAttempts = 3;

    private readonly ActorSystem system;
    private readonly ReadModelWriter writer;
    private readonly ReadBarrier barrier;
    private readonly SharedKillSwitch stop = KillSwitches.Shared("read-model-projection");
    private Task live = Task.CompletedTask;
    private volatile bool stopping;

    public ReadModelProjection(ActorSystem system, ReadModelWriter writer, ReadBarrier barrier)
    {
        this.system = system;
        this.writer = writer;
        this.barrier = barrier;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var journal = await QueryJournal.OpenAsync(system, cancellationToken);
        var materializer = system.Materializer();

        // Catch up with what the journal holds before reads are answered; a journal slow to start
        // on a busy machine gets a few more tries, each from the offset already written.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var offset = await writer.LoadOffsetAsync(cancellationToken);
                await journal.CurrentEventsByTag(AgreementActor.Tag, Offset.Sequence(offset))
                    .Via(stop.Flow<EventEnvelope>())
                    .GroupedWithin(BatchSize, TimeSpan.FromMilliseconds(50))
                    .SelectAsync(1, Write)
                    .RunWith(Sink.Ignore<NotUsed>(), materializer);
                break;
            }
            catch (Exception) when (attempt < CatchUpAttempts && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }

        if (stopping)
        {
            return;
        }

        // Writes acknowledged before the start were projected before it, or just now: a reply that
        // persists nothing (a duplicate) names such a position, and must not wait for it to come again.
        barrier.Projected(await writer.ProjectedPositionsAsync(cancellationToken));
        barrier.CaughtUp();

        // The live stream runs for as long as the actor system does (stopping the system stops it),
        // or until StopAsync.
        live = RestartSource.OnFailuresWithBackoff(
                () => Source.FromTask(writer.LoadOffsetAsync(CancellationToken.None))
                    .ConcatMany(start => journal.EventsByTag(AgreementActor.Tag, Offset.Sequence(start)))

                    // Before the writes, so that stopping lets the batch in hand be written first.
                    .Via(stop.Flow<EventEnvelope>())
                    .GroupedWithin(BatchSize, TimeSpan.FromMilliseconds(5))
                    .SelectAsync(1, Write),
                RestartSettings.Create(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), 0.2))
            .RunWith(Sink.Ignore<NotUsed>(), materializer);
    }

    /// <summary>
    /// Stops projecting and waits until the batch being written, if any, is committed or rolled back:
    /// afterwards nothing of this projection writes to the read tables, so another may start.
    /// </summary>
    public async Task StopAsync()
    {
        stopping = true;
        stop.Shutdown();
        await live;
    }

    private async Task<NotUsed> Write(IEnumerable<EventEnvelope> batch)
    {
        var envelopes = batch.ToArray();
        await writer.WriteAsync(envelopes, CancellationToken.None);
        barrier.Projected(envelopes.Select(e => (e.PersistenceId, e.SequenceNr)));
        return NotUsed.Instance;
    }
}
