using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>agreement-submitted.v1</c>: an agreement was submitted for countersignature.</summary>
public sealed record AgreementSubmittedWire(
    string AgreementId,
    Instant At,
    string By)
{
    public static AgreementSubmittedWire Of(AgreementSubmitted e) => new(e.AgreementId, e.At, e.By.ToString());

    public AgreementSubmitted ToDomain() => new(AgreementId, At, Principal.Parse(By));
}
