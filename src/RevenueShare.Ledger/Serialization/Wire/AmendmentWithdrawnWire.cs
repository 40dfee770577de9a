using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>amendment-withdrawn.v1</c>: an agreement had an amendment withdrawn.</summary>
public sealed record AmendmentWithdrawnWire(
    string AgreementId,
    int Number,
    string? Reason,
    Instant At,
    string By)
{
    public static AmendmentWithdrawnWire Of(AmendmentWithdrawn e) => new(e.AgreementId.Value, e.Number, e.Reason, e.At, e.By.ToString());

    public AmendmentWithdrawn ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), Number, Reason, At, Principal.Parse(By));
}
