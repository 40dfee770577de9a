using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Reads;

namespace RevenueShare.Server.Services;

/// <summary>
/// One family's review of a month: its current status (null until the reviewing office decides), whether
/// that locks the month, and every decision in order.
/// </summary>
public sealed record FamilyReviewHistory(IndicatorFamily Family, ReviewStatus? Status, IReadOnlyList<ReviewDecisionRow> Decisions)
{
    /// <summary>An approved month is locked for its family (docs/review.md).</summary>
    public bool Locked => Status == ReviewStatus.Approved;
}
