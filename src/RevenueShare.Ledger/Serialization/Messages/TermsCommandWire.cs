using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>create-agreement</c> and <c>edit-draft</c> between nodes: an agreement, its caller and the terms it is to have.</summary>
public sealed record TermsCommandWire(string AgreementId, string By, AgreementTermsWire Terms)
{
    public static TermsCommandWire Of(CreateAgreement command) => new(command.AgreementId.Value, command.By.ToString(), AgreementTermsWire.Of(command.Terms));

    public static TermsCommandWire Of(EditDraft command) => new(command.AgreementId.Value, command.By.ToString(), AgreementTermsWire.Of(command.Terms));

    public CreateAgreement ToCreate(ReferenceData reference) => new(Domain.Agreements.AgreementId.Parse(AgreementId), Principal.Parse(By), Terms.ToDomain(reference));

    public EditDraft ToEdit(ReferenceData reference) => new(Domain.Agreements.AgreementId.Parse(AgreementId), Principal.Parse(By), Terms.ToDomain(reference));
}
