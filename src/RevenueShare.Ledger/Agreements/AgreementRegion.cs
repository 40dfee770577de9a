using Akka.Actor;
using NodaTime;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Agreements;

/// <summary>
/// The one entry point for messages to agreements: it routes by agreement id to a child
/// <see cref="AgreementActor"/>, starting it on first use. Callers only know this actor, so cluster
/// sharding can take its place without touching them.
/// </summary>
public sealed class AgreementRegion : ReceiveActor
{
    private readonly IActorRef coverage;
    private readonly IClock clock;

    public AgreementRegion(IActorRef coverage, IClock clock)
    {
        this.coverage = coverage;
        this.clock = clock;
        Receive<IAgreementCommand>(command => Route(command.AgreementId, command));
        Receive<GetAgreement>(query => Route(query.AgreementId, query));
    }

    public static Props Props(IActorRef coverage, IClock clock) =>
        Akka.Actor.Props.Create(() => new AgreementRegion(coverage, clock));

    private void Route(AgreementId agreementId, object message)
    {
        var name = Uri.EscapeDataString(agreementId.Value);
        var child = Context.Child(name);
        if (child.IsNobody())
        {
            child = Context.ActorOf(AgreementActor.Props(agreementId, coverage, clock), name);
        }

        child.Forward(message);
    }
}
