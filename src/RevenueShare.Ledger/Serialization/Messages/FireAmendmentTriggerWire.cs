using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>fire-amendment-trigger</c> between nodes: a trigger fired at one of an agreement's amendments.</summary>
public sealed record FireAmendmentTriggerWire(string AgreementId, string By, int Number, string Trigger, string? Reason)
{
    public static FireAmendmentTriggerWire Of(FireAmendmentTrigger command) =>
        new(command.AgreementId.Value, command.By.ToString(), command.Number, MessageNames.Write(command.Trigger), command.Reason);

    public FireAmendmentTrigger ToDomain() =>
        new(Domain.Agreements.AgreementId.Parse(AgreementId), Principal.Parse(By), Number, MessageNames.Read<LifecycleTrigger>(Trigger), Reason);
}
