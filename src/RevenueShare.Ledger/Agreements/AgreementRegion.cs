using Akka.Actor;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

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
    private readonly ReferenceData reference;

    public AgreementRegion(IActorRef coverage, IClock clock, ReferenceData reference)
    {
        this.coverage = coverage;
        this.clock = clock;
        this.reference = reference;
        Receive<IAgreementCommand>(command => Route(command.AgreementId, command));
        Receive<GetAgreement>(query => Route(query.AgreementId, query));
    }

    public static Props Props(IActorRef coverage, IClock clock, ReferenceData reference) =>
        Akka.Actor.Props.Create(() => new AgreementRegion(coverage, clock, reference));

    private void Route(AgreementId agreementId, object message)
    {
        var name = Uri.EscapeDataString(agreementId.Value);
        var child = Context.Child(name);
        if (child.IsNobody())
        {
            child = Context.ActorOf(AgreementActor.Props(agreementId, coverage, clock, reference), name);
        }

        child.Forward(message);
    }
}
