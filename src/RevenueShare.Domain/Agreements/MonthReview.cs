using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>The current review status of one month of one indicator family of an agreement.</summary>
public sealed record MonthReview(YearMonth Month, IndicatorFamily Family, ReviewStatus Status);
