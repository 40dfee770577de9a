using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>month-reviewed.v1</c>: an agreement had a month reviewed for a family.</summary>
public sealed record MonthReviewedWire(
    string AgreementId,
    YearMonth Month,
    string Family,
    string Decision,
    string? Reason,
    Instant At,
    string By)
{
    public static MonthReviewedWire Of(MonthReviewed e) => new(e.AgreementId.Value, e.Month, WireNames.Family.Name(e.Family), WireNames.Decision.Name(e.Decision), e.Reason, e.At, e.By.ToString());

    public MonthReviewed ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), Month, WireNames.Family.Parse(Family), WireNames.Decision.Parse(Decision), Reason, At, Principal.Parse(By));
}
