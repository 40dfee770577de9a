using Akka.Actor;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Observability;

namespace RevenueShare.Ledger.Agreements;

/// <summary>
/// The one entry point for messages to agreements: it routes by agreement id to a child
/// <see cref="AgreementActor"/>, starting it on first use. Callers only know this actor, so cluster
/// sharding can take its place without touching them.
/// <para>
/// An idle agreement is passivated, as sharding does it: the child asks (<see cref="Passivate"/>), the
/// region sends it the same message back behind whatever is already in its mailbox, and holds every
/// message for it that arrives meanwhile; once the child has stopped, a held message starts it again
/// (recovering from its snapshot) and is delivered. Nothing sent to an agreement is lost on the way.
/// </para>
/// </summary>
public sealed class AgreementRegion : ReceiveActor
{
    private readonly IActorRef coverage;
    private readonly IClock clock;
    private readonly TimeSpan passivateAfter;
    private readonly IdleMemoryTrim trim;
    private readonly LedgerMetrics metrics;
    private readonly Dictionary<IActorRef, string> names = [];
    private readonly Dictionary<string, List<(object Message, IActorRef Sender)>> held = new(StringComparer.Ordinal);

    public AgreementRegion(IActorRef coverage, IClock clock, TimeSpan passivateAfter, IdleMemoryTrim trim, LedgerMetrics metrics)
    {
        this.coverage = coverage;
        this.clock = clock;
        this.passivateAfter = passivateAfter;
        this.trim = trim;
        this.metrics = metrics;
        Receive<IAgreementCommand>(command => Route(command.AgreementId, command, Sender));
        Receive<GetAgreement>(query => Route(query.AgreementId, query, Sender));
        Receive<Passivate>(_ => Release(Sender));
        Receive<Terminated>(stopped => Stopped(stopped.ActorRef));
        Receive<CountLiveAgreements>(_ => Sender.Tell(names.Count));
    }

    public static Props Props(IActorRef coverage, IClock clock, TimeSpan passivateAfter, IdleMemoryTrim trim, LedgerMetrics metrics) =>
        Akka.Actor.Props.Create(() => new AgreementRegion(coverage, clock, passivateAfter, trim, metrics));

    private void Route(AgreementId agreementId, object message, IActorRef sender)
    {
        var name = Uri.EscapeDataString(agreementId.Value);
        if (held.TryGetValue(name, out var waiting))
        {
            waiting.Add((message, sender));
            return;
        }

        var child = Context.Child(name);
        if (child.IsNobody())
        {
            child = Context.ActorOf(AgreementActor.Props(agreementId, coverage, clock, passivateAfter, metrics), name);
            Context.Watch(child);
            names[child] = name;
        }

        child.Tell(message, sender);
    }

    private static AgreementId AgreementIdOf(object message) => message switch
    {
        IAgreementCommand command => command.AgreementId,
        GetAgreement query => query.AgreementId,
        _ => throw new InvalidOperationException($"Only agreement messages are held, not {message.GetType().Name}."),
    };

    private void Release(IActorRef child)
    {
        if (names.TryGetValue(child, out var name) && held.TryAdd(name, []))
        {
            child.Tell(Passivate.Instance);
        }
    }

    private void Stopped(IActorRef child)
    {
        if (!names.Remove(child, out var name) || !held.Remove(name, out var waiting))
        {
            return;
        }

        trim.Passivated();

        // Delivered now, in the order they came: a message that arrives later is routed after them.
        foreach (var (message, sender) in waiting)
        {
            Route(AgreementIdOf(message), message, sender);
        }
    }
}
