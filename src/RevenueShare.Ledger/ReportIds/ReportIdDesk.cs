using Akka.Actor;
using Akka.Persistence;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Observability;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Reads;

namespace RevenueShare.Ledger.ReportIds;

/// <summary>
/// The <see cref="ReportIdRegistry"/> of a cluster: one actor (a cluster singleton) that every node's
/// batches claim their reportIds from, so a reportId is given to one agreement across all nodes. What
/// the registry knows of booked reportIds comes from the read side, as in one process; what it has
/// reserved for batches in flight it persists (<see cref="ReportIdsReserved"/>) before the batch hears
/// of it, so that a desk taking over on another node — after a node died, or was stopped — holds the
/// reservations of batches that may still be booking. It holds them as in flight for
/// <see cref="HoldEarlierFor"/>, longer than a batch waits for an agreement, and keeps them after.
/// <para>
/// So that a new desk does not replay every reservation ever made, it snapshots once every reservation
/// up to a point is settled and the read side has passed the journal: the snapshot holds only the
/// reservations made since (<see cref="ReportIdDeskSnapshot"/>).
/// </para>
/// </summary>
public sealed class ReportIdDesk : ReceivePersistentActor, IWithTimers, IDisposable
{
    public const string Id = "report-id-desk";

    /// <summary>How long a new desk treats the reservations it recovered as batches still in flight.</summary>
    public static readonly TimeSpan HoldEarlierFor = TimeSpan.FromSeconds(90);

    private const int SnapshotEvery = 200;

    private readonly ReadBarrier barrier;
    private readonly ReportIdRegistry registry;

    /// <summary>The batch number under which the reservations recovered from the journal are held.</summary>
    private readonly long earlier;

    /// <summary>Reservations not yet covered by a snapshot, by the sequence number that persisted them.</summary>
    private readonly List<(long SequenceNr, AgreementReportIds Reserved)> pending = [];

    /// <summary>Batches with persisted reservations not yet settled, and the sequence number of their first reservation.</summary>
    private readonly Dictionary<long, long> unsettled = [];

    private long? snapshotCandidate;
    private bool awaitingReadSide;

    /// <summary>The last sequence number recovered from the journal: reservations up to it are another desk's.</summary>
    private long recoveredThrough;

    public ReportIdDesk(ReadModel reads, ReadBarrier barrier, LedgerMetrics metrics)
    {
        this.barrier = barrier;

        // Batch numbers of another desk's batches may still arrive to be settled: this desk's start far from them.
        earlier = Random.Shared.NextInt64(1L << 40, 1L << 60);
        registry = new ReportIdRegistry(reads, earlier);
        metrics.ObserveReportIds(() => registry.Count);

        Recover<SnapshotOffer>(offer => pending.AddRange(((ReportIdDeskSnapshot)offer.Snapshot).Pending.Select(r => (offer.Metadata.SequenceNr, r))));
        Recover<ReportIdsReserved>(reserved => pending.AddRange(reserved.Reservations.Select(r => (LastSequenceNr, r))));
        Recover<RecoveryCompleted>(_ =>
        {
            recoveredThrough = LastSequenceNr;
            registry.Hold(earlier, pending.SelectMany(p => p.Reserved.Pairs()));
            unsettled[earlier] = 0;
            Timers.StartSingleTimer(nameof(SettleEarlier), new SettleEarlier(), HoldEarlierFor);
        });

        CommandAsync<ClaimReportIds>(ClaimAsync);
        CommandAsync<ConfirmReportId>(ConfirmAsync);
        Command<SettleReportIds>(settle => Settle(settle.Batch, settle.Claimed, settle.Kept));
        Command<SettleEarlier>(_ =>
        {
            var held = pending.Where(p => p.SequenceNr <= recoveredThrough).SelectMany(p => p.Reserved.Pairs()).ToArray();
            Settle(earlier, [.. held.Select(h => h.ReportId)], [.. held]);
        });
        Command<ReadSideCaughtUp>(caughtUp => Snapshot(caughtUp.Through));
        Command<Status.Failure>(_ => awaitingReadSide = false);
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(_ => { });
    }

    public override string PersistenceId => Id;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ReadModel reads, ReadBarrier barrier, LedgerMetrics metrics) => Akka.Actor.Props.Create(() => new ReportIdDesk(reads, barrier, metrics));

    public void Dispose() => registry.Dispose();

    private async Task ClaimAsync(ClaimReportIds claim)
    {
        var sender = Sender;
        var claims = await registry.ClaimAsync(claim.Reports, CancellationToken.None);
        var granted = claims.Claims.Where(c => c.HeldBy is null).Select(c => (c.ReportId, c.Agreement)).ToArray();
        if (granted.Length == 0)
        {
            sender.Tell(claims);
            return;
        }

        Reserve(claims.Batch, granted, () => sender.Tell(claims));
    }

    private async Task ConfirmAsync(ConfirmReportId confirm)
    {
        var sender = Sender;
        var claim = await registry.ConfirmAsync(confirm.Batch, confirm.Suspect, confirm.HeldBySuspect, CancellationToken.None);
        if (claim.HeldBy is not null || confirm.HeldBySuspect)
        {
            sender.Tell(claim);
            return;
        }

        Reserve(confirm.Batch, [(claim.ReportId, claim.Agreement)], () => sender.Tell(claim));
    }

    /// <summary>Persists the batch's reservations, then answers; a failed write fails the batch, and Akka stops the desk to start it again from its journal.</summary>
    private void Reserve(long batch, (string ReportId, AgreementId Agreement)[] granted, Action answer)
    {
        Persist(new ReportIdsReserved(AgreementReportIds.Group(granted)), reserved =>
        {
            pending.AddRange(reserved.Reservations.Select(r => (LastSequenceNr, r)));
            unsettled.TryAdd(batch, LastSequenceNr);
            answer();
            if (snapshotCandidate is null && pending.Count > 0 && LastSequenceNr - pending[0].SequenceNr >= SnapshotEvery)
            {
                snapshotCandidate = LastSequenceNr;
            }

            CheckSnapshot();
        });
    }

    private void Settle(long batch, IReadOnlyList<string> claimed, IReadOnlyList<(string ReportId, AgreementId Agreement)> kept)
    {
        registry.Settle(batch, claimed, kept);
        unsettled.Remove(batch);
        CheckSnapshot();
    }

    /// <summary>
    /// Once every batch with reservations up to the candidate is settled, waits for the read side to
    /// pass everything acknowledged and the journal's head (<see cref="ReadBarrier.WaitAsync"/>): then
    /// what those batches booked is readable, and the snapshot may leave them out.
    /// </summary>
    private void CheckSnapshot()
    {
        if (snapshotCandidate is not { } candidate || awaitingReadSide || unsettled.Values.Any(first => first <= candidate))
        {
            return;
        }

        awaitingReadSide = true;
        barrier.WaitAsync(CancellationToken.None).PipeTo(Self, success: () => new ReadSideCaughtUp(candidate));
    }

    private void Snapshot(long through)
    {
        awaitingReadSide = false;
        snapshotCandidate = null;
        pending.RemoveAll(p => p.SequenceNr <= through);
        SaveSnapshot(new ReportIdDeskSnapshot([.. pending.Select(p => p.Reserved)]));
    }

    private sealed record SettleEarlier;

    private sealed record ReadSideCaughtUp(long Through);
}
