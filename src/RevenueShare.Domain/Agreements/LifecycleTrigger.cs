namespace RevenueShare.Domain.Agreements;

/// <summary>The triggers of docs/agreements.md, Lifecycle; their wire names are in <see cref="LifecycleTriggers"/>.</summary>
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
