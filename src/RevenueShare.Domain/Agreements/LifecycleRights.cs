namespace RevenueShare.Domain.Agreements;

/// <summary>Who may fire each trigger (PRODUCT.md §4.1, "who" column), whatever the state.</summary>
public static class LifecycleRights
{
    public static bool MayFire(LifecycleTrigger trigger, AgreementState state, Principal caller)
    {
        var district = caller.Kind == PrincipalKind.District ? caller.District : null;
        var isParty = district is not null && state.Terms.IsParty(district);
        var amendmentProposer = state.PendingAmendment?.Proposer;
        return trigger switch
        {
            LifecycleTrigger.Edit or LifecycleTrigger.Submit or LifecycleTrigger.Withdraw => district == state.Proposer,
            LifecycleTrigger.Countersign => isParty && district != state.Proposer,
            LifecycleTrigger.ProposeAmendment => isParty,
            LifecycleTrigger.CountersignAmendment => isParty && district != amendmentProposer,
            LifecycleTrigger.WithdrawAmendment => isParty && district == amendmentProposer,
            LifecycleTrigger.Approve or LifecycleTrigger.Reject or LifecycleTrigger.Suspend or LifecycleTrigger.Resume
                or LifecycleTrigger.Terminate or LifecycleTrigger.ApproveAmendment or LifecycleTrigger.RejectAmendment =>
                caller.Kind == PrincipalKind.Finance,
            _ => false,
        };
    }

    /// <summary>Who may fire the trigger, for the 403 message.</summary>
    public static string Who(LifecycleTrigger trigger) => trigger switch
    {
        LifecycleTrigger.Edit or LifecycleTrigger.Submit or LifecycleTrigger.Withdraw => "the proposing district",
        LifecycleTrigger.Countersign => "a party other than the proposer",
        LifecycleTrigger.ProposeAmendment => "a party",
        LifecycleTrigger.CountersignAmendment => "a party other than the amendment's proposer",
        LifecycleTrigger.WithdrawAmendment => "the amendment's proposer",
        _ => "the municipal finance bureau",
    };
}
