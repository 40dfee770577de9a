namespace RevenueShare.Domain.Agreements;

/// <summary>What the reviewing office decides about one month of one family (docs/review.md).</summary>
public enum ReviewDecision
{
    Approve,
    Dispute,
    Reopen,
}
