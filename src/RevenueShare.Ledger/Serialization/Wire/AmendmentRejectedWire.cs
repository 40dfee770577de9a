using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>amendment-rejected.v1</c>: an agreement had an amendment rejected.</summary>
public sealed record AmendmentRejectedWire(
    string AgreementId,
    int Number,
    string? Reason,
    Instant At,
    string By)
{
    public static AmendmentRejectedWire Of(AmendmentRejected e) => new(e.AgreementId.Value, e.Number, e.Reason, e.At, e.By.ToString());

    public AmendmentRejected ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), Number, Reason, At, Principal.Parse(By));
}
