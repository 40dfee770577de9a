using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>agreement-suspended.v1</c>: an agreement was suspended from a month.</summary>
public sealed record AgreementSuspendedWire(
    string AgreementId,
    YearMonth From,
    string? Reason,
    Instant At,
    string By)
{
    public static AgreementSuspendedWire Of(AgreementSuspended e) => new(e.AgreementId.Value, e.From, e.Reason, e.At, e.By.ToString());

    public AgreementSuspended ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), From, Reason, At, Principal.Parse(By));
}
