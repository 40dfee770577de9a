using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;
using Akka.Persistence;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Coverage;
using RevenueShare.Ledger.Observability;
using RevenueShare.Ledger.Sealing;
using RevenueShare.Ledger.Serialization;

namespace RevenueShare.Ledger.Agreements;

/// <summary>
/// One agreement: it decides each command with the pure <see cref="AgreementDecider"/>, persists what
/// was decided, each event sealed into the agreement's SM3 chain (<see cref="SealedEvent"/>) and tagged
/// for the read side by <see cref="AgreementEventTagger"/>, and only then replies. Approvals first reserve the
/// agreement's coverage with the <see cref="CoverageRegistry"/>; other commands wait (stashed) until
/// that answer is in. Idle for its <c>passivateAfter</c>, it leaves memory through its region.
/// </summary>
public sealed class AgreementActor : ReceivePersistentActor
{
    public const string Tag = "agreement";
    private const int SnapshotEvery = 50;
    private const string PersistenceIdPrefix = "agreement-";

    private readonly AgreementId id;
    private readonly IActorRef coverage;
    private readonly IClock clock;
    private readonly object askToPassivate;
    private readonly LedgerMetrics metrics;
    private AgreementState? state;

    /// <summary>The digest of the agreement's last sealed event: what its next event links to.</summary>
    private ChainDigest chainHead = ChainDigest.Zero;
    private bool passivated;

    /// <summary>Who waits for the events being persisted, and the coverage held before them when they change it.</summary>
    private (IActorRef ReplyTo, ImmutableArray<CoverageItem>? CoverageBefore)? persisting;

    /// <param name="askToPassivate">
    /// What the agreement sends its parent to be let go: <see cref="Passivate.Instance"/> to an
    /// <see cref="AgreementRegion"/>, sharding's own request (wrapping it) to a cluster shard. Either
    /// answers with <see cref="Passivate.Instance"/> once it holds back what else comes.
    /// </param>
    public AgreementActor(AgreementId id, IActorRef coverage, IClock clock, TimeSpan passivateAfter, LedgerMetrics metrics, object askToPassivate)
    {
        this.id = id;
        this.coverage = coverage;
        this.clock = clock;
        this.askToPassivate = askToPassivate;
        this.metrics = metrics;

        Recover<SnapshotOffer>(offer =>
        {
            var snapshot = offer.Snapshot as IAgreementSnapshot
                ?? throw new InvalidOperationException($"Agreement {id} cannot recover from a {offer.Snapshot.GetType().FullName}.");
            state = snapshot.State;
            chainHead = snapshot.ChainHead;
        });

        // Links are checked by `revshare verify` (JournalChains), not here: a damaged chain is the
        // auditor's finding to name, and refusing to recover would stop the agreement's offices' work.
        Recover<SealedEvent>(sealedEvent =>
        {
            Apply(sealedEvent.Event);
            chainHead = sealedEvent.Digest;
        });
        Recover<IAgreementEvent>(Apply);
        Recover<RecoveryCompleted>(_ => { });
        Recover<object>(unknown => throw new InvalidOperationException($"Agreement {id} cannot replay {unknown.GetType().FullName}."));
        Ready();
        SetReceiveTimeout(passivateAfter);
    }

    public override string PersistenceId => PersistenceIdOf(id);

    public static string PersistenceIdOf(AgreementId agreementId) => PersistenceIdPrefix + agreementId.Value;

    /// <summary>The agreement a persistence id of <see cref="PersistenceIdOf"/> belongs to.</summary>
    public static AgreementId AgreementIdOf(string persistenceId) =>
        persistenceId.StartsWith(PersistenceIdPrefix, StringComparison.Ordinal)
            ? AgreementId.Parse(persistenceId[PersistenceIdPrefix.Length..])
            : throw new FormatException($"'{persistenceId}' is not an agreement's persistence id.");

    /// <summary>Whether <paramref name="persistenceId"/> is an agreement's (not the coverage registry's, the numbering's, …).</summary>
    public static bool IsAgreement(string persistenceId) =>
        persistenceId.StartsWith(PersistenceIdPrefix, StringComparison.Ordinal)
        && AgreementId.TryParse(persistenceId[PersistenceIdPrefix.Length..], out _, out _);

    public static Props Props(AgreementId id, IActorRef coverage, IClock clock, TimeSpan passivateAfter, LedgerMetrics metrics) =>
        Props(id, coverage, clock, passivateAfter, metrics, Passivate.Instance);

    /// <summary>An agreement that asks to be let go with <paramref name="askToPassivate"/> (<see cref="AgreementActor(AgreementId, IActorRef, IClock, TimeSpan, LedgerMetrics, object)"/>).</summary>
    internal static Props Props(AgreementId id, IActorRef coverage, IClock clock, TimeSpan passivateAfter, LedgerMetrics metrics, object askToPassivate) =>
        Akka.Actor.Props.Create(() => new AgreementActor(id, coverage, clock, passivateAfter, metrics, askToPassivate));

    protected override void PreStart()
    {
        metrics.AgreementStarted();
        base.PreStart();
    }

    protected override void PostStop()
    {
        metrics.AgreementStopped(passivated);
        base.PostStop();
    }

    private void Ready()
    {
        Command<GetAgreement>(_ => Reply(Sender, null, []));
        Command<IAgreementCommand>(Handle);
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(_ => { });

        // Idle: the region (or the cluster's shard) is asked to let the agreement go, and answers with
        // Passivate once it holds back whatever else comes for it (AgreementRegion).
        Command<ReceiveTimeout>(_ => Context.Parent.Tell(askToPassivate));
        Command<Passivate>(_ =>
        {
            passivated = true;
            Context.Stop(Self);
        });
    }

    private void Handle(IAgreementCommand command)
    {
        var now = clock.GetCurrentInstant();
        var decision = AgreementDecider.Decide(state, command, now);

        // A booking of figures or history is answered without the state (AgreementReply.Answering).
        var withState = command is not (BookFigures or ReportHistory);
        if (decision.Rejection is not null || decision.Events.IsEmpty)
        {
            Reply(Sender, decision.Rejection, decision.Outcomes, withState);
            return;
        }

        var coverageAfter = CoverageAfter(decision.Events[0]);
        if (coverageAfter is null)
        {
            PersistAndReply(decision, Sender, null, withState);
            return;
        }

        var sender = Sender;
        coverage.Ask<object>(new ReserveCoverage(id, coverageAfter.Value), TimeSpan.FromSeconds(30))
            .PipeTo(Self, success: answer => new CoverageAnswer(answer, decision, sender), failure: e => new CoverageAnswer(e, decision, sender));
        BecomeStacked(AwaitingCoverage);
    }

    private void AwaitingCoverage()
    {
        Command<CoverageAnswer>(answer =>
        {
            UnbecomeStacked();
            Stash.UnstashAll();
            switch (answer.Answer)
            {
                case CoverageReserved:
                    PersistAndReply(answer.Decision, answer.ReplyTo, CoverageHeld());
                    break;
                case CoverageCollision collision:
                    var item = collision.Item;
                    Reply(answer.ReplyTo, new Rejection(
                        RejectionCode.Overlap,
                        $"Agreement {id} would cover {item.Enterprise} for {item.Indicator} in months agreement {collision.OtherAgreementId} already covers ({Months.Format(item.From)}..{Months.Format(item.To)}).")
                    {
                        CollidesWith = collision.OtherAgreementId,
                    }, []);
                    break;
                default:
                    answer.ReplyTo.Tell(new Status.Failure(answer.Answer as Exception ?? new InvalidOperationException($"Unexpected coverage answer {answer.Answer}.")));
                    break;
            }
        });
        CommandAny(_ => Stash.Stash());
    }

    /// <summary>The coverage the agreement holds after this event, when the event changes it.</summary>
    private ImmutableArray<CoverageItem>? CoverageAfter(IAgreementEvent @event)
    {
        var current = state!;
        return @event switch
        {
            AgreementApproved => AgreementCoverage.Of(current.Rules, current.Terms.Effective),
            AmendmentApproved => AgreementCoverage.Of(
                current.Rules.Amend(current.PendingAmendment!.From, current.PendingAmendment.Terms), current.Terms.Effective, current.TerminatedFrom),
            AgreementTerminated terminated => AgreementCoverage.Of(current.Rules, current.Terms.Effective, terminated.From),
            _ => null,
        };
    }

    /// <summary>The coverage the agreement holds now: none until it is approved.</summary>
    private ImmutableArray<CoverageItem> CoverageHeld() =>
        state is { WasApproved: true } current ? AgreementCoverage.Of(current.Rules, current.Terms.Effective, current.TerminatedFrom) : [];

    private void PersistAndReply(Decision decision, IActorRef replyTo, ImmutableArray<CoverageItem>? coverageBefore, bool withState = true)
    {
        var remaining = decision.Events.Length;
        persisting = (replyTo, coverageBefore);
        var handedOver = Stopwatch.GetTimestamp();
        PersistAll(Sealed(decision.Events), sealedEvent =>
        {
            Apply(sealedEvent.Event);
            chainHead = sealedEvent.Digest;
            if (--remaining == 0)
            {
                metrics.JournalWritten(handedOver);
                persisting = null;
                Reply(replyTo, null, decision.Outcomes, withState);
                if (LastSequenceNr % SnapshotEvery < decision.Events.Length)
                {
                    SaveSnapshot(new ChainedAgreementSnapshot(state!, chainHead));
                }
            }
        });
    }

    /// <summary>The events, each linked to the one before it, from the chain's head on, at the sequence numbers they will be persisted at.</summary>
    private SealedEvent[] Sealed(ImmutableArray<IAgreementEvent> events)
    {
        var sealedEvents = new SealedEvent[events.Length];
        var head = chainHead;
        for (var k = 0; k < events.Length; k++)
        {
            sealedEvents[k] = SealedEvent.Seal(events[k], head, PersistenceId, LastSequenceNr + 1 + k);
            head = sealedEvents[k].Digest;
        }

        return sealedEvents;
    }

    /// <summary>
    /// The journal did not take the events: the waiting caller is told at once (not left to its
    /// timeout), the coverage reserved for them is given back, and Akka.Persistence stops the actor,
    /// whose next message (held by the region meanwhile) recovers it from what the journal really holds.
    /// </summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // First, so the region holds what comes next for this agreement until it has stopped, rather
        // than send it to an actor that is gone: the caller hears of the failure only after this.
        Context.Parent.Tell(askToPassivate);
        Unpersisted(cause);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <summary>
    /// The journal refused the events: as a failure. Akka.Persistence has spent their sequence numbers,
    /// so the next events would be sealed at numbers they will not be stored at: the agreement is let
    /// go, and recovers its numbering and chain head from what the journal holds.
    /// </summary>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        Context.Parent.Tell(askToPassivate);
        Unpersisted(cause);
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    private void Unpersisted(Exception cause)
    {
        if (persisting is not { } waiting)
        {
            return;
        }

        persisting = null;
        waiting.ReplyTo.Tell(new Status.Failure(new InvalidOperationException($"Agreement {id}: the journal did not take the write; nothing was changed.", cause)));
        if (waiting.CoverageBefore is { } before)
        {
            coverage.Tell(new ReserveCoverage(id, before));
        }
    }

    private void Apply(IAgreementEvent @event) =>
        state = @event is AgreementCreated created ? AgreementState.Created(created) : state!.Apply(@event);

    private void Reply(IActorRef to, Rejection? rejection, ImmutableArray<ReportOutcome> outcomes, bool withState = true) =>
        to.Tell(withState || state is null
            ? new AgreementReply(state, rejection, outcomes, LastSequenceNr)
            : new AgreementReply(null, rejection, outcomes, LastSequenceNr) { Answering = state.Id });

    private sealed record CoverageAnswer(object Answer, Decision Decision, IActorRef ReplyTo);
}
