using NodaTime;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Server.Services;

/// <summary>The review of one month of an agreement, one entry per family the office may see.</summary>
public sealed record MonthReviews(AgreementId Agreement, YearMonth Month, IReadOnlyList<FamilyReviewHistory> Families);
