namespace RevenueShare.Domain.Agreements;

public enum AmendmentStatus
{
    AwaitingCountersign,
    AwaitingApproval,
    Approved,
    Rejected,
    Withdrawn,
}
