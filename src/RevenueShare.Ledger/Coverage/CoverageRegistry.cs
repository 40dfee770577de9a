using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Observability;

namespace RevenueShare.Ledger.Coverage;

/// <summary>
/// Which agreement covers which enterprise, indicator and month (docs/agreements.md, Coverage: at most
/// one approved agreement for any month). One persistent actor: approvals go through it one at a time,
/// so two overlapping approvals can never both succeed; its journal makes the reservations survive
/// restarts. Figures are routed through its in-memory index.
/// </summary>
public sealed class CoverageRegistry : ReceivePersistentActor
{
    public const string Id = "coverage-registry";
    private const int SnapshotEvery = 100;

    private readonly Dictionary<AgreementId, ImmutableArray<CoverageItem>> grants = [];
    private readonly Dictionary<(CreditCode, Indicator), List<(AgreementId Agreement, CoverageItem Item)>> index = new();
    private readonly LedgerMetrics metrics;
    private IActorRef? waiting;

    public CoverageRegistry(LedgerMetrics metrics)
    {
        this.metrics = metrics;
        Recover<CoverageGranted>(Apply);
        Recover<SnapshotOffer>(offer =>
        {
            foreach (var grant in ((CoverageSnapshot)offer.Snapshot).Grants)
            {
                Apply(grant);
            }
        });

        Command<ReserveCoverage>(Reserve);
        Command<RouteFigures>(route => Sender.Tell(new FigureRoutes([.. route.Figures.Select(f => Find(f.Enterprise, f.Indicator, f.Month))])));
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(_ => { });
    }

    public override string PersistenceId => Id;

    protected override void PreStart()
    {
        metrics.CoverageIndexed(index.Count);
        base.PreStart();
    }

    /// <summary>
    /// The journal did not take a reservation: the agreement asking is told at once, then Akka stops
    /// the registry and its supervisor (<c>LedgerHosting</c>) starts it again from its journal.
    /// </summary>
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        waiting?.Tell(new Status.Failure(cause));
        waiting = null;
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        waiting?.Tell(new Status.Failure(cause));
        waiting = null;
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    public static Props Props(LedgerMetrics metrics) => Akka.Actor.Props.Create(() => new CoverageRegistry(metrics));

    private AgreementId? Find(CreditCode enterprise, Indicator indicator, NodaTime.YearMonth month)
    {
        if (index.TryGetValue((enterprise, indicator), out var holders))
        {
            foreach (var (agreement, item) in holders)
            {
                if (item.Contains(enterprise, indicator, month))
                {
                    return agreement;
                }
            }
        }

        return null;
    }

    private void Reserve(ReserveCoverage reserve)
    {
        foreach (var item in reserve.Items)
        {
            if (index.TryGetValue((item.Enterprise, item.Indicator), out var holders))
            {
                foreach (var (other, held) in holders)
                {
                    if (other != reserve.AgreementId && held.Overlaps(item))
                    {
                        Sender.Tell(new CoverageCollision(reserve.AgreementId, other, held));
                        return;
                    }
                }
            }
        }

        var sender = Sender;
        waiting = sender;
        Persist(new CoverageGranted(reserve.AgreementId, reserve.Items), granted =>
        {
            waiting = null;
            Apply(granted);
            sender.Tell(new CoverageReserved(granted.AgreementId));
            if (LastSequenceNr % SnapshotEvery == 0)
            {
                SaveSnapshot(new CoverageSnapshot([.. grants.Select(g => new CoverageGranted(g.Key, g.Value))]));
            }
        });
    }

    private void Apply(CoverageGranted granted)
    {
        if (grants.TryGetValue(granted.AgreementId, out var previous))
        {
            foreach (var item in previous)
            {
                index[(item.Enterprise, item.Indicator)].RemoveAll(h => h.Agreement == granted.AgreementId);
            }
        }

        grants[granted.AgreementId] = granted.Items;
        foreach (var item in granted.Items)
        {
            if (!index.TryGetValue((item.Enterprise, item.Indicator), out var holders))
            {
                index[(item.Enterprise, item.Indicator)] = holders = [];
            }

            holders.Add((granted.AgreementId, item));
        }

        metrics.CoverageIndexed(index.Count);
    }
}
