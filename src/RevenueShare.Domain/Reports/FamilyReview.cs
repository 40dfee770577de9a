using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Reports;

/// <summary>
/// Where the review of one agreement's month stands for one indicator family (docs/review.md);
/// <see cref="Status"/> is null while the family's office has not decided.
/// </summary>
public sealed record FamilyReview(AgreementId Agreement, IndicatorFamily Family, ReviewStatus? Status);
