namespace RevenueShare.Domain.Agreements;

/// <summary>Who may fire each trigger (docs/agreements.md, Lifecycle, "who" column), whatever the state.</summary>
public static class LifecycleRights
{
    /// <param name="amendment">
    /// The amendment an amendment trigger addresses; the pending one when not given. Its proposer is
    /// who may withdraw it and who may not countersign it, whether or not it is still pending: that it
    /// is no longer pending is the machine's refusal (409), not a question of rights (403).
    /// </param>
    public static bool MayFire(LifecycleTrigger trigger, AgreementState state, Principal caller, Amendment? amendment = null)
    {
        var district = caller.Kind == PrincipalKind.District ? caller.District : null;
        var isParty = district is { } code && state.Terms.IsParty(code);
        var amendmentProposer = (amendment ?? state.PendingAmendment)?.Proposer;
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
