using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>agreement-resumed.v1</c>: an agreement was resumed from a month.</summary>
public sealed record AgreementResumedWire(
    string AgreementId,
    YearMonth From,
    string? Reason,
    Instant At,
    string By)
{
    public static AgreementResumedWire Of(AgreementResumed e) => new(e.AgreementId.Value, e.From, e.Reason, e.At, e.By.ToString());

    public AgreementResumed ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), From, Reason, At, Principal.Parse(By));
}
