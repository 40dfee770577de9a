using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>agreement-withdrawn.v1</c>: an agreement was withdrawn by its proposer.</summary>
public sealed record AgreementWithdrawnWire(
    string AgreementId,
    string? Reason,
    Instant At,
    string By)
{
    public static AgreementWithdrawnWire Of(AgreementWithdrawn e) => new(e.AgreementId.Value, e.Reason, e.At, e.By.ToString());

    public AgreementWithdrawn ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), Reason, At, Principal.Parse(By));
}
