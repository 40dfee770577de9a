using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>agreement-created.v1</c>: an agreement was created as a Draft with its terms.</summary>
public sealed record AgreementCreatedWire(
    string AgreementId,
    AgreementTermsWire Terms,
    Instant At,
    string By)
{
    public static AgreementCreatedWire Of(AgreementCreated e) => new(e.AgreementId.Value, AgreementTermsWire.Of(e.Terms), e.At, e.By.ToString());

    public AgreementCreated ToDomain(ReferenceData reference) => new(Domain.Agreements.AgreementId.Parse(AgreementId), Terms.ToDomain(reference), At, Principal.Parse(By));
}
