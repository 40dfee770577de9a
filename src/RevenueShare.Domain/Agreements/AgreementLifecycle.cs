using RevenueShare.Domain.Reference;
using Stateless;
using Stateless.Graph;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// The lifecycle of docs/agreements.md as a Stateless machine over the agreement's own state record
/// (external state). The transitions are written here only: deciding asks the machine whether a trigger
/// may fire now, and applying an event asks it where the trigger leads (<see cref="StatusAfter"/>).
/// Who may fire a trigger is checked separately (<see cref="LifecycleRights"/>), so a refusal can tell
/// "not you" (403) from "not now" (409).
/// </summary>
public sealed class AgreementLifecycle
{
    private readonly StateMachine<AgreementStatus, LifecycleTrigger> machine;
    private AgreementStatus status;

    /// <param name="state">The agreement; its status is where the machine starts.</param>
    /// <param name="callerDistrict">The calling district, for the guards that depend on who signs; null otherwise.</param>
    public AgreementLifecycle(AgreementState state, DistrictCode? callerDistrict)
    {
        status = state.Status;
        machine = new StateMachine<AgreementStatus, LifecycleTrigger>(() => status, s => status = s);
        machine.OnUnhandledTrigger((from, trigger, unmetGuards) => throw new InvalidOperationException(
            $"Agreement {state.Id} cannot {LifecycleTriggers.Name(trigger)} while {from}"
            + (unmetGuards is null or { Count: 0 } ? "." : $" (guards not met: {string.Join(", ", unmetGuards)}).")));
        Configure(state, callerDistrict);
    }

    /// <summary>
    /// The status the machine reaches when <paramref name="trigger"/> fires from the state's status,
    /// through Active's initial substate where it enters Active. Throws when the machine does not
    /// permit the trigger now, so an event that does not fit the state is never applied.
    /// </summary>
    /// <param name="callerDistrict">The district that fires, for the guards that depend on who signs; null otherwise.</param>
    public static AgreementStatus StatusAfter(AgreementState state, LifecycleTrigger trigger, DistrictCode? callerDistrict)
    {
        var lifecycle = new AgreementLifecycle(state, callerDistrict);
        lifecycle.machine.Fire(trigger);
        return lifecycle.status;
    }

    public bool CanFire(LifecycleTrigger trigger) => machine.CanFire(trigger);

    /// <summary>Triggers the machine permits now, by their wire names, in declaration order.</summary>
    public IReadOnlyList<string> PermittedTriggers =>
        Enum.GetValues<LifecycleTrigger>().Where(machine.CanFire).Select(LifecycleTriggers.Name).ToArray();

    /// <summary>The machine's graph in Mermaid, generated from the machine itself.</summary>
    public string ToMermaid() => MermaidGraph.Format(machine.GetInfo());

    /// <summary>The machine's graph in DOT, generated from the machine itself.</summary>
    public string ToDot() => UmlDotGraph.Format(machine.GetInfo());

    /// <summary>Every transition the machine is configured with (guarded or not), from the machine itself, for drawing it.</summary>
    public IReadOnlyList<LifecycleTransition> Transitions =>
    [
        .. machine.GetInfo().States.SelectMany(state => state.FixedTransitions.Select(t => new LifecycleTransition(
            (AgreementStatus)state.UnderlyingState,
            (LifecycleTrigger)t.Trigger.UnderlyingTrigger,
            (AgreementStatus)t.DestinationState.UnderlyingState))),
    ];

    /// <summary>The status the machine is in.</summary>
    public AgreementStatus Status => status;

    private static bool RemainingSignerIsOnly(IEnumerable<DistrictCode> parties, IReadOnlyCollection<DistrictCode> signed, DistrictCode? caller, bool last)
    {
        var remaining = parties.Where(p => !signed.Contains(p)).ToArray();
        return caller is { } district && remaining.Contains(district) && (remaining.Length == 1) == last;
    }

    private void Configure(AgreementState state, DistrictCode? caller)
    {
        var parties = state.Terms.Parties.Select(p => p.District).ToArray();
        var amendment = state.PendingAmendment;
        bool Countersign(bool last) => RemainingSignerIsOnly(parties, state.Signatures, caller, last);
        bool CountersignAmendment(bool last) =>
            amendment is not null && RemainingSignerIsOnly(parties, amendment.Signatures, caller, last);

        machine.Configure(AgreementStatus.Draft)
            .PermitReentry(LifecycleTrigger.Edit)
            .Permit(LifecycleTrigger.Submit, AgreementStatus.AwaitingCountersign)
            .Permit(LifecycleTrigger.Withdraw, AgreementStatus.Withdrawn);

        machine.Configure(AgreementStatus.AwaitingCountersign)
            .PermitReentryIf(LifecycleTrigger.Countersign, () => Countersign(last: false), "other parties still to sign")
            .PermitIf(LifecycleTrigger.Countersign, AgreementStatus.AwaitingApproval, () => Countersign(last: true), "last party signs")
            .Permit(LifecycleTrigger.Withdraw, AgreementStatus.Withdrawn);

        machine.Configure(AgreementStatus.AwaitingApproval)
            .Permit(LifecycleTrigger.Approve, AgreementStatus.Active)
            .Permit(LifecycleTrigger.Reject, AgreementStatus.Rejected)
            .Permit(LifecycleTrigger.Withdraw, AgreementStatus.Withdrawn);

        machine.Configure(AgreementStatus.Active)
            .InitialTransition(AgreementStatus.Running)
            .PermitIf(LifecycleTrigger.Suspend, AgreementStatus.Suspended, () => amendment is null, "no amendment pending")
            .PermitIf(LifecycleTrigger.Terminate, AgreementStatus.Terminated, () => amendment is null, "no amendment pending");

        machine.Configure(AgreementStatus.Running)
            .SubstateOf(AgreementStatus.Active)
            .Permit(LifecycleTrigger.ProposeAmendment, AgreementStatus.AmendmentAwaitingCountersign);

        machine.Configure(AgreementStatus.AmendmentAwaitingCountersign)
            .SubstateOf(AgreementStatus.Active)
            .PermitReentryIf(LifecycleTrigger.CountersignAmendment, () => CountersignAmendment(last: false), "other parties still to sign")
            .PermitIf(LifecycleTrigger.CountersignAmendment, AgreementStatus.AmendmentAwaitingApproval, () => CountersignAmendment(last: true), "last party signs")
            .Permit(LifecycleTrigger.WithdrawAmendment, AgreementStatus.Running);

        machine.Configure(AgreementStatus.AmendmentAwaitingApproval)
            .SubstateOf(AgreementStatus.Active)
            .Permit(LifecycleTrigger.ApproveAmendment, AgreementStatus.Running)
            .Permit(LifecycleTrigger.RejectAmendment, AgreementStatus.Running)
            .Permit(LifecycleTrigger.WithdrawAmendment, AgreementStatus.Running);

        machine.Configure(AgreementStatus.Suspended)
            .Permit(LifecycleTrigger.Resume, AgreementStatus.Active)
            .Permit(LifecycleTrigger.Terminate, AgreementStatus.Terminated);

        machine.Configure(AgreementStatus.Rejected);
        machine.Configure(AgreementStatus.Withdrawn);
        machine.Configure(AgreementStatus.Terminated);
    }
}
