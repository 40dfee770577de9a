using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>agreement-approved.v1</c>: an agreement was approved by finance.</summary>
public sealed record AgreementApprovedWire(
    string AgreementId,
    string? Reason,
    Instant At,
    string By)
{
    public static AgreementApprovedWire Of(AgreementApproved e) => new(e.AgreementId.Value, e.Reason, e.At, e.By.ToString());

    public AgreementApproved ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), Reason, At, Principal.Parse(By));
}
