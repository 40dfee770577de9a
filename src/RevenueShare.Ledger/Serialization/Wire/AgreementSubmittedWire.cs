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
    public static AgreementSubmittedWire Of(AgreementSubmitted e) => new(e.AgreementId.Value, e.At, e.By.ToString());

    public AgreementSubmitted ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), At, Principal.Parse(By));
}
