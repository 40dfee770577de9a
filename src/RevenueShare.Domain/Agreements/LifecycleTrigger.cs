namespace RevenueShare.Domain.Agreements;

/// <summary>The triggers of PRODUCT.md §4.1; their wire names are in <see cref="LifecycleTriggers"/>.</summary>
public enum LifecycleTrigger
{
    Edit,
    Submit,
    Countersign,
    Approve,
    Reject,
    Withdraw,
    Suspend,
    Resume,
    Terminate,
    ProposeAmendment,
    CountersignAmendment,
    ApproveAmendment,
    RejectAmendment,
    WithdrawAmendment,
}
