using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>draft-edited.v1</c>: an agreement Draft's terms were replaced.</summary>
public sealed record DraftEditedWire(
    string AgreementId,
    AgreementTermsWire Terms,
    Instant At,
    string By)
{
    public static DraftEditedWire Of(DraftEdited e) => new(e.AgreementId.Value, AgreementTermsWire.Of(e.Terms), e.At, e.By.ToString());

    public DraftEdited ToDomain(ReferenceData reference) => new(Domain.Agreements.AgreementId.Parse(AgreementId), Terms.ToDomain(reference), At, Principal.Parse(By));
}
