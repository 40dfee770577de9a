using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// The stored form of <c>month-reviewed.v1</c>: an agreement had a month reviewed for a family. Only
/// read: reviews are written as <c>month-reviewed.v2</c> (<see cref="MonthReviewedV2Wire"/>), which
/// carries an approval's seal.
/// </summary>
public sealed record MonthReviewedWire(
    string AgreementId,
    YearMonth Month,
    string Family,
    string Decision,
    string? Reason,
    Instant At,
    string By)
{
    public MonthReviewed ToDomain() => new(Domain.Agreements.AgreementId.Parse(AgreementId), Month, WireNames.Family.Parse(Family), WireNames.Decision.Parse(Decision), Reason, At, Principal.Parse(By));
}
