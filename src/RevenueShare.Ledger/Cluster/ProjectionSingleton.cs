using Akka.Actor;
using Akka.Event;
using RevenueShare.Ledger.Projections;

namespace RevenueShare.Ledger.Cluster;

/// <summary>
/// The read side's projection in a cluster: it runs where this actor runs, which cluster singleton
/// makes one node at a time (the oldest). Handed over, it is told <see cref="Stop"/> and stops only
/// once the batch in hand is written, so the next node starts from the offset that batch committed;
/// on a node that died, PostgreSQL rolls back what it was writing. The offset's check
/// (<see cref="ProjectionOffset"/>) holds even if two ever ran at once.
/// </summary>
internal sealed class ProjectionSingleton : ReceiveActor
{
    private readonly Func<ReadModelProjection> start;
    private readonly ILoggingAdapter log = Context.GetLogger();
    private ReadModelProjection? projection;
    private Task started = Task.CompletedTask;

    public ProjectionSingleton(Func<ReadModelProjection> start)
    {
        this.start = start;
        ReceiveAsync<Stop>(async _ =>
        {
            await StoppedAsync();
            Context.Stop(Self);
        });

        // A catch-up that failed its tries: the actor starts again (its supervisor's default), with a new projection.
        Receive<Status.Failure>(failed => throw new InvalidOperationException("The projection could not catch up with the journal.", failed.Cause));
    }

    public static Props Props(Func<ReadModelProjection> start) => Akka.Actor.Props.Create(() => new ProjectionSingleton(start));

    /// <summary>The singleton's termination message: stop projecting, then stop.</summary>
    public sealed class Stop
    {
        public static Stop Instance { get; } = new();

        private Stop()
        {
        }
    }

    protected override void PreStart()
    {
        projection = start();
        started = projection.StartAsync(CancellationToken.None);
        var self = Self;
        started.ContinueWith(t => self.Tell(new Status.Failure(t.Exception!.GetBaseException())), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    protected override void PostStop()
    {
        // Stopped without Stop (the actor system is going down): stop the streams all the same.
        _ = StoppedAsync();
    }

    private async Task StoppedAsync()
    {
        if (projection is null)
        {
            return;
        }

        try
        {
            await started;
        }
        catch (Exception e)
        {
            log.Warning(e, "The projection did not catch up before it was handed over.");
        }

        await projection.StopAsync();
        projection = null;
    }
}
