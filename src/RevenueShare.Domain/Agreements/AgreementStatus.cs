namespace RevenueShare.Domain.Agreements;

/// <summary>
/// The states of docs/agreements.md, Lifecycle. <see cref="Active"/> is a superstate: an agreement that
/// is Active is always in one of its substates <see cref="Running"/>,
/// <see cref="AmendmentAwaitingCountersign"/> or <see cref="AmendmentAwaitingApproval"/>, and the state
/// record stores the substate.
/// </summary>
public enum AgreementStatus
{
    Draft,
    AwaitingCountersign,
    AwaitingApproval,
    Active,
    Running,
    AmendmentAwaitingCountersign,
    AmendmentAwaitingApproval,
    Suspended,
    Rejected,
    Withdrawn,
    Terminated,
}
