namespace RevenueShare.Domain.Agreements;

/// <summary>What the reviewing office decides about one month of one family (PRODUCT.md §6).</summary>
public enum ReviewDecision
{
    Approve,
    Dispute,
    Reopen,
}
