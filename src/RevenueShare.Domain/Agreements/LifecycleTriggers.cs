namespace RevenueShare.Domain.Agreements;

/// <summary>Wire names of triggers, as they appear in routes and error messages.</summary>
public static class LifecycleTriggers
{
    private static readonly Dictionary<LifecycleTrigger, string> Names = new()
    {
        [LifecycleTrigger.Edit] = "edit",
        [LifecycleTrigger.Submit] = "submit",
        [LifecycleTrigger.Countersign] = "countersign",
        [LifecycleTrigger.Approve] = "approve",
        [LifecycleTrigger.Reject] = "reject",
        [LifecycleTrigger.Withdraw] = "withdraw",
        [LifecycleTrigger.Suspend] = "suspend",
        [LifecycleTrigger.Resume] = "resume",
        [LifecycleTrigger.Terminate] = "terminate",
        [LifecycleTrigger.ProposeAmendment] = "propose-amendment",
        [LifecycleTrigger.CountersignAmendment] = "countersign-amendment",
        [LifecycleTrigger.ApproveAmendment] = "approve-amendment",
        [LifecycleTrigger.RejectAmendment] = "reject-amendment",
        [LifecycleTrigger.WithdrawAmendment] = "withdraw-amendment",
    };

    public static string Name(LifecycleTrigger trigger) => Names[trigger];

    /// <summary>The triggers of <c>POST /api/agreements/{id}/{trigger}</c>.</summary>
    public static bool TryParseAgreementTrigger(string name, out LifecycleTrigger trigger) =>
        TryParse(name, out trigger) && trigger is LifecycleTrigger.Submit or LifecycleTrigger.Countersign
            or LifecycleTrigger.Approve or LifecycleTrigger.Reject or LifecycleTrigger.Withdraw
            or LifecycleTrigger.Suspend or LifecycleTrigger.Resume or LifecycleTrigger.Terminate;

    /// <summary>The triggers of <c>POST /api/agreements/{id}/amendments/{n}/{trigger}</c>.</summary>
    public static bool TryParseAmendmentTrigger(string name, out LifecycleTrigger trigger)
    {
        trigger = name switch
        {
            "countersign" => LifecycleTrigger.CountersignAmendment,
            "approve" => LifecycleTrigger.ApproveAmendment,
            "reject" => LifecycleTrigger.RejectAmendment,
            "withdraw" => LifecycleTrigger.WithdrawAmendment,
            _ => LifecycleTrigger.Edit,
        };
        return trigger != LifecycleTrigger.Edit;
    }

    /// <summary>An amendment trigger's name in its route (<c>countersign</c> for <see cref="LifecycleTrigger.CountersignAmendment"/>); the inverse of <see cref="TryParseAmendmentTrigger"/>.</summary>
    public static string AmendmentRouteName(LifecycleTrigger trigger) => trigger switch
    {
        LifecycleTrigger.CountersignAmendment => "countersign",
        LifecycleTrigger.ApproveAmendment => "approve",
        LifecycleTrigger.RejectAmendment => "reject",
        LifecycleTrigger.WithdrawAmendment => "withdraw",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Not an amendment trigger."),
    };

    private static bool TryParse(string name, out LifecycleTrigger trigger)
    {
        foreach (var (key, value) in Names)
        {
            if (value == name)
            {
                trigger = key;
                return true;
            }
        }

        trigger = default;
        return false;
    }
}
