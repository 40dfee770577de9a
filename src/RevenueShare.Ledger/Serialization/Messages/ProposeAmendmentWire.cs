using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>propose-amendment</c> between nodes: new sharing terms proposed from a month.</summary>
public sealed record ProposeAmendmentWire(string AgreementId, string By, YearMonth From, IReadOnlyList<SharingTermWire> Terms)
{
    public static ProposeAmendmentWire Of(ProposeAmendment command) =>
        new(command.AgreementId.Value, command.By.ToString(), command.From, SharingTermWire.Of(command.Terms));

    public ProposeAmendment ToDomain(ReferenceData reference) =>
        new(Domain.Agreements.AgreementId.Parse(AgreementId), Principal.Parse(By), From, SharingTermWire.ToDomain(Terms, reference));
}
