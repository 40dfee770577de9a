using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>agreement-terminated.v1</c>: an agreement was terminated from a month.</summary>
public sealed record AgreementTerminatedWire(
    string AgreementId,
    YearMonth From,
    string? Reason,
    Instant At,
    string By)
{
    public static AgreementTerminatedWire Of(AgreementTerminated e) => new(e.AgreementId.Value, e.From, e.Reason, e.At, e.By.ToString());

    public AgreementTerminated ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), From, Reason, At, Principal.Parse(By));
}
