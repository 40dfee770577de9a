using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>agreement-rejected.v1</c>: an agreement was rejected by finance.</summary>
public sealed record AgreementRejectedWire(
    string AgreementId,
    string? Reason,
    Instant At,
    string By)
{
    public static AgreementRejectedWire Of(AgreementRejected e) => new(e.AgreementId.Value, e.Reason, e.At, e.By.ToString());

    public AgreementRejected ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), Reason, At, Principal.Parse(By));
}
