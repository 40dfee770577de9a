using NodaTime;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The review status of a month and family, as stored in a snapshot.</summary>
public sealed record MonthReviewWire(YearMonth Month, string Family, string Status)
{
    public static MonthReviewWire Of(MonthReview review) =>
        new(review.Month, WireNames.Family.Name(review.Family), WireNames.ReviewStatus.Name(review.Status));

    public MonthReview ToDomain() => new(Month, WireNames.Family.Parse(Family), WireNames.ReviewStatus.Parse(Status));
}
