using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>fire-trigger</c> between nodes: a lifecycle trigger fired at an agreement.</summary>
public sealed record FireTriggerWire(string AgreementId, string By, string Trigger, string? Reason, YearMonth? From)
{
    public static FireTriggerWire Of(FireTrigger command) =>
        new(command.AgreementId.Value, command.By.ToString(), MessageNames.Write(command.Trigger), command.Reason, command.From);

    public FireTrigger ToDomain() =>
        new(Domain.Agreements.AgreementId.Parse(AgreementId), Principal.Parse(By), MessageNames.Read<LifecycleTrigger>(Trigger), Reason, From);
}
