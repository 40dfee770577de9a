namespace RevenueShare.Domain.Agreements;

/// <summary>
/// Where the review of one month of one family stands. A month never reviewed has no status. Only
/// <see cref="Approved"/> locks the month: a disputed month is open to correction, and a reopened one
/// is open again until it is approved again.
/// </summary>
public enum ReviewStatus
{
    Approved,
    Disputed,
    Reopened,
}
