using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using static RevenueShare.Domain.Tests.Support.AgreementHistory;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Agreements;

/// <summary>The lifecycle of docs/agreements.md through Decide and Apply: who may fire what, and when.</summary>
public sealed class AgreementLifecycleTests
{
    [Fact]
    public void A_three_party_agreement_goes_from_draft_through_suspension_and_an_amendment_to_termination()
    {
        var finance = Principal.Finance;
        var amendment = Split("vat,cit", Step("2025-04", (O, 40m), (H, 40m), (T, 20m)));
        var history = new (IAgreementCommand Command, Type Event, AgreementStatus Status)[]
        {
            (Create(Proposal(parties: 3)), typeof(AgreementCreated), AgreementStatus.Draft),
            (Command("submit", Origin), typeof(AgreementSubmitted), AgreementStatus.AwaitingCountersign),
            (Command("countersign", Host), typeof(AgreementCountersigned), AgreementStatus.AwaitingCountersign),
            (Command("countersign", Third), typeof(AgreementCountersigned), AgreementStatus.AwaitingApproval),
            (Command("approve", finance), typeof(AgreementApproved), AgreementStatus.Running),
            (Command("suspend", finance), typeof(AgreementSuspended), AgreementStatus.Suspended),
            (Command("resume", finance), typeof(AgreementResumed), AgreementStatus.Running),
            (Propose(Host, "2025-04", amendment), typeof(AmendmentProposed), AgreementStatus.AmendmentAwaitingCountersign),
            (Command("countersign-amendment", Origin), typeof(AmendmentCountersigned), AgreementStatus.AmendmentAwaitingCountersign),
            (Command("countersign-amendment", Third), typeof(AmendmentCountersigned), AgreementStatus.AmendmentAwaitingApproval),
            (Command("approve-amendment", finance), typeof(AmendmentApproved), AgreementStatus.Running),
            (Command("terminate", finance), typeof(AgreementTerminated), AgreementStatus.Terminated),
        };

        AgreementState? state = null;
        foreach (var (command, eventType, status) in history)
        {
            var @event = Single(Decide(state, command));
            state = Apply(state, [@event]);

            Assert.IsType(eventType, @event);
            Assert.Equal((Id, Now, command.By), (@event.AgreementId.Value, @event.At, @event.By));
            Assert.Equal(status, state.Status);
        }

        Assert.Equal(12L, state!.Version);
        Assert.Equal<DistrictCode>([O, H, T], state.Signatures);
        var approved = Assert.Single(state.Amendments);
        Assert.Equal((AmendmentStatus.Approved, H), (approved.Status, approved.Proposer));
        Assert.Equal<DistrictCode>([H, O, T], approved.Signatures);
    }

    [Theory]
    [InlineData("Draft", AgreementStatus.Draft)]
    [InlineData("AwaitingApproval", AgreementStatus.AwaitingApproval)]
    [InlineData("Running", AgreementStatus.Active)]
    [InlineData("AmendmentAwaitingCountersign", AgreementStatus.Active)]
    [InlineData("AmendmentAwaitingApproval", AgreementStatus.Active)]
    [InlineData("Suspended", AgreementStatus.Suspended)]
    public void The_substates_of_active_show_as_active_at_the_top_level(string state, AgreementStatus topLevel)
    {
        Assert.Equal(topLevel, InState(state).TopLevelStatus);
    }

    [Theory]
    [InlineData("Draft", "withdraw")]
    [InlineData("AwaitingCountersign", "withdraw")]
    [InlineData("AwaitingApproval", "reject")]
    [InlineData("AwaitingApproval", "withdraw")]
    public void A_rejected_or_withdrawn_agreement_ends_there(string from, string trigger)
    {
        var by = trigger == "withdraw" ? Origin : Principal.Finance;
        var before = InState(from);
        var after = Apply(before, [Single(Decide(before, Command(trigger, by)))]);

        Assert.Equal(trigger == "withdraw" ? AgreementStatus.Withdrawn : AgreementStatus.Rejected, after.Status);
        Assert.False(after.WasApproved);
    }

    [Theory]
    // state, trigger, caller → the event, Forbidden for a caller without the right, or TriggerNotAllowed [triggers the machine permits now].
    [InlineData("Draft", "edit", "O", "DraftEdited")]
    [InlineData("Draft", "edit", "H", "Forbidden")]
    [InlineData("Draft", "submit", "O", "AgreementSubmitted")]
    [InlineData("Draft", "submit", "H", "Forbidden")]
    [InlineData("Draft", "submit", "finance", "Forbidden")]
    [InlineData("Draft", "withdraw", "O", "AgreementWithdrawn")]
    [InlineData("Draft", "withdraw", "H", "Forbidden")]
    [InlineData("Draft", "countersign", "H", "TriggerNotAllowed [edit, submit, withdraw]")]
    [InlineData("Draft", "approve", "finance", "TriggerNotAllowed [edit, submit, withdraw]")]
    [InlineData("Draft", "suspend", "finance", "TriggerNotAllowed [edit, submit, withdraw]")]
    [InlineData("Draft", "propose-amendment", "O", "TriggerNotAllowed [edit, submit, withdraw]")]
    [InlineData("AwaitingCountersign", "countersign", "H", "AgreementCountersigned")]
    [InlineData("AwaitingCountersign", "countersign", "O", "Forbidden")]
    [InlineData("AwaitingCountersign", "countersign", "outsider", "Forbidden")]
    [InlineData("AwaitingCountersign", "countersign", "finance", "Forbidden")]
    [InlineData("AwaitingCountersign", "withdraw", "O", "AgreementWithdrawn")]
    [InlineData("AwaitingCountersign", "edit", "O", "TriggerNotAllowed [withdraw]")]
    [InlineData("AwaitingCountersign", "submit", "O", "TriggerNotAllowed [withdraw]")]
    [InlineData("AwaitingCountersign", "approve", "finance", "TriggerNotAllowed [withdraw]")]
    [InlineData("AwaitingApproval", "approve", "finance", "AgreementApproved")]
    [InlineData("AwaitingApproval", "reject", "finance", "AgreementRejected")]
    [InlineData("AwaitingApproval", "withdraw", "O", "AgreementWithdrawn")]
    [InlineData("AwaitingApproval", "approve", "H", "Forbidden")]
    [InlineData("AwaitingApproval", "approve", "tax", "Forbidden")]
    [InlineData("AwaitingApproval", "reject", "statistics", "Forbidden")]
    [InlineData("AwaitingApproval", "withdraw", "H", "Forbidden")]
    [InlineData("AwaitingApproval", "submit", "O", "TriggerNotAllowed [approve, reject, withdraw]")]
    [InlineData("AwaitingApproval", "suspend", "finance", "TriggerNotAllowed [approve, reject, withdraw]")]
    [InlineData("Running", "suspend", "finance", "AgreementSuspended")]
    [InlineData("Running", "terminate", "finance", "AgreementTerminated")]
    [InlineData("Running", "propose-amendment", "O", "AmendmentProposed")]
    [InlineData("Running", "propose-amendment", "H", "AmendmentProposed")]
    [InlineData("Running", "propose-amendment", "outsider", "Forbidden")]
    [InlineData("Running", "propose-amendment", "finance", "Forbidden")]
    [InlineData("Running", "suspend", "O", "Forbidden")]
    [InlineData("Running", "terminate", "H", "Forbidden")]
    [InlineData("Running", "resume", "finance", "TriggerNotAllowed [suspend, terminate, propose-amendment]")]
    [InlineData("Running", "approve", "finance", "TriggerNotAllowed [suspend, terminate, propose-amendment]")]
    [InlineData("Running", "withdraw", "O", "TriggerNotAllowed [suspend, terminate, propose-amendment]")]
    [InlineData("AmendmentAwaitingCountersign", "countersign-amendment", "H", "AmendmentCountersigned")]
    [InlineData("AmendmentAwaitingCountersign", "countersign-amendment", "O", "Forbidden")]
    [InlineData("AmendmentAwaitingCountersign", "countersign-amendment", "outsider", "Forbidden")]
    [InlineData("AmendmentAwaitingCountersign", "withdraw-amendment", "O", "AmendmentWithdrawn")]
    [InlineData("AmendmentAwaitingCountersign", "withdraw-amendment", "H", "Forbidden")]
    [InlineData("AmendmentAwaitingCountersign", "approve-amendment", "H", "Forbidden")]
    [InlineData("AmendmentAwaitingCountersign", "approve-amendment", "finance", "TriggerNotAllowed [withdraw-amendment]")]
    [InlineData("AmendmentAwaitingCountersign", "suspend", "finance", "TriggerNotAllowed [withdraw-amendment]")]
    [InlineData("AmendmentAwaitingCountersign", "terminate", "finance", "TriggerNotAllowed [withdraw-amendment]")]
    [InlineData("AmendmentAwaitingCountersign", "propose-amendment", "H", "TriggerNotAllowed [countersign-amendment, withdraw-amendment]")]
    [InlineData("AmendmentAwaitingApproval", "approve-amendment", "finance", "AmendmentApproved")]
    [InlineData("AmendmentAwaitingApproval", "reject-amendment", "finance", "AmendmentRejected")]
    [InlineData("AmendmentAwaitingApproval", "withdraw-amendment", "O", "AmendmentWithdrawn")]
    [InlineData("AmendmentAwaitingApproval", "approve-amendment", "O", "Forbidden")]
    [InlineData("AmendmentAwaitingApproval", "reject-amendment", "tax", "Forbidden")]
    [InlineData("AmendmentAwaitingApproval", "terminate", "finance", "TriggerNotAllowed [approve-amendment, reject-amendment, withdraw-amendment]")]
    [InlineData("AmendmentAwaitingApproval", "propose-amendment", "H", "TriggerNotAllowed [approve-amendment, reject-amendment, withdraw-amendment]")]
    [InlineData("Suspended", "resume", "finance", "AgreementResumed")]
    [InlineData("Suspended", "terminate", "finance", "AgreementTerminated")]
    [InlineData("Suspended", "resume", "H", "Forbidden")]
    [InlineData("Suspended", "suspend", "finance", "TriggerNotAllowed [resume, terminate]")]
    [InlineData("Suspended", "propose-amendment", "O", "TriggerNotAllowed [resume, terminate]")]
    public void A_trigger_is_decided_by_state_and_caller(string state, string trigger, string caller, string expected)
    {
        var before = InState(state);

        var decision = Decide(before, Command(trigger, Caller(caller)));

        Assert.Equal(expected, Outcome(decision));
        if (decision.Rejection is { } rejection)
        {
            Assert.Empty(decision.Events);
            if (rejection.Code == RejectionCode.TriggerNotAllowed)
            {
                Assert.Contains($"'{trigger}' is not allowed while agreement {Id} is {before.Status}.", rejection.Message, StringComparison.Ordinal);
                Assert.Contains($"Permitted now: {string.Join(", ", rejection.PermittedTriggers)}.", rejection.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    // Amendment 1 was proposed by O, countersigned by H and approved: it is closed, and the rights stay those of its proposer.
    [InlineData("withdraw-amendment", "O", "TriggerNotAllowed [suspend, terminate, propose-amendment]")]
    [InlineData("withdraw-amendment", "H", "Forbidden")]
    [InlineData("countersign-amendment", "O", "Forbidden")]
    [InlineData("countersign-amendment", "H", "TriggerNotAllowed [suspend, terminate, propose-amendment]")]
    [InlineData("approve-amendment", "finance", "TriggerNotAllowed [suspend, terminate, propose-amendment]")]
    public void A_closed_amendment_is_refused_as_not_pending_not_as_the_wrong_caller(string trigger, string caller, string expected)
    {
        var decision = Decide(InState("Running after an amendment"), Command(trigger, Caller(caller)));

        Assert.Equal(expected, Outcome(decision));
        Assert.Empty(decision.Events);
    }

    public static TheoryData<string, string, string> FinalStatesAndRightfulCallers()
    {
        var agreementTriggers = new (string Trigger, string Caller)[]
        {
            ("edit", "O"), ("submit", "O"), ("countersign", "H"), ("approve", "finance"), ("reject", "finance"),
            ("withdraw", "O"), ("suspend", "finance"), ("resume", "finance"), ("terminate", "finance"), ("propose-amendment", "H"),
        };
        var amendmentTriggers = new (string Trigger, string Caller)[]
        {
            ("countersign-amendment", "H"), ("approve-amendment", "finance"), ("reject-amendment", "finance"), ("withdraw-amendment", "O"),
        };
        var rows = new TheoryData<string, string, string>();
        foreach (var state in new[] { "Rejected", "Withdrawn", "Terminated", "Terminated after an amendment" })
        {
            var triggers = state == "Terminated after an amendment" ? agreementTriggers.Concat(amendmentTriggers) : agreementTriggers;
            foreach (var (trigger, caller) in triggers)
            {
                rows.Add(state, trigger, caller);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(FinalStatesAndRightfulCallers))]
    public void A_final_state_refuses_every_trigger_even_from_the_office_that_may_fire_it(string state, string trigger, string caller)
    {
        var before = InState(state);

        var rejection = Refusal(Decide(before, Command(trigger, Caller(caller))));

        Assert.Equal(RejectionCode.TriggerNotAllowed, rejection.Code);
        Assert.Empty(rejection.PermittedTriggers);
        Assert.EndsWith("Permitted now: none (final state).", rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    // An event decided in one state, replayed onto a state the machine does not let its trigger fire from.
    [InlineData("AwaitingApproval", "approve", "finance", "Draft")]
    [InlineData("AwaitingCountersign", "countersign", "H", "AwaitingApproval")]
    [InlineData("Suspended", "resume", "finance", "Running")]
    [InlineData("Running", "suspend", "finance", "AmendmentAwaitingCountersign")]
    [InlineData("AmendmentAwaitingCountersign", "countersign-amendment", "H", "AmendmentAwaitingApproval")]
    [InlineData("AmendmentAwaitingApproval", "approve-amendment", "finance", "Running after an amendment")]
    public void Applying_an_event_the_lifecycle_does_not_permit_now_throws(string decidedIn, string trigger, string caller, string appliedTo)
    {
        var @event = Single(Decide(InState(decidedIn), Command(trigger, Caller(caller))));
        var state = InState(appliedTo);

        var thrown = Assert.Throws<InvalidOperationException>(() => state.Apply(@event));

        Assert.StartsWith($"Agreement {Id} cannot {trigger} while {state.Status}", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("suspend", null)]
    [InlineData("suspend", "")]
    [InlineData("resume", null)]
    [InlineData("terminate", null)]
    public void Suspending_resuming_and_terminating_need_a_reason(string trigger, string? reason)
    {
        var (state, from) = trigger == "resume" ? ("Suspended", "2025-05") : ("Running", "2025-04");
        var command = Fire(Enum.Parse<LifecycleTrigger>(trigger, ignoreCase: true), Principal.Finance, reason, from);

        var rejection = Refusal(Decide(InState(state), command));

        Assert.Equal((RejectionCode.Invalid, "$.reason"), (rejection.Code, rejection.Path));
        Assert.Contains($"A reason is required to {trigger}.", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reason_is_kept_as_sent_in_the_event()
    {
        var suspended = Assert.IsType<AgreementSuspended>(Single(Decide(InState("Running"), Fire(LifecycleTrigger.Suspend, Principal.Finance, Reason, "2025-04"))));

        Assert.Equal((Reason, Month("2025-04")), (suspended.Reason, suspended.From));
    }

    [Theory]
    [InlineData("suspend", "   ", "starts with white space (U+0020 at position 1)")]
    [InlineData("suspend", " 停产整顿 ", "starts with white space (U+0020 at position 1)")]
    [InlineData("approve", "同意\n", "U+000A at position 3")]
    [InlineData("reject", "驳回\u202E", "U+202E at position 3")]
    public void A_reason_that_breaks_the_text_rule_is_refused_at_its_path(string trigger, string reason, string expected)
    {
        var (state, from) = trigger is "approve" or "reject" ? ("AwaitingApproval", (string?)null) : ("Running", "2025-04");
        var command = Fire(Enum.Parse<LifecycleTrigger>(trigger, ignoreCase: true), Principal.Finance, reason, from);

        var rejection = Refusal(Decide(InState(state), command));

        Assert.Equal((RejectionCode.Invalid, "$.reason"), (rejection.Code, rejection.Path));
        Assert.Contains(expected, rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reason_over_500_characters_is_refused()
    {
        var rejection = Refusal(Decide(InState("Running"), Fire(LifecycleTrigger.Suspend, Principal.Finance, new string('因', 100_000), "2025-04")));

        Assert.Equal((RejectionCode.Invalid, "$.reason"), (rejection.Code, rejection.Path));
        Assert.Equal("The reason has 100000 characters; at most 500 are allowed.", rejection.Message);
    }

    [Fact]
    public void A_party_that_countersigned_cannot_countersign_again_while_others_still_have_to()
    {
        var state = Accept(InState("AwaitingCountersign", Proposal(parties: 3)), Command("countersign", Host));
        Assert.Equal(AgreementStatus.AwaitingCountersign, state.Status);

        var rejection = Refusal(Decide(state, Command("countersign", Host)));

        Assert.Equal(RejectionCode.TriggerNotAllowed, rejection.Code);
        Assert.Contains("district:440112 has already signed.", rejection.Message, StringComparison.Ordinal);
        Assert.Equal<string>(["withdraw"], rejection.PermittedTriggers);
    }

    [Fact]
    public void The_last_party_to_countersign_cannot_countersign_again_once_awaiting_approval()
    {
        var rejection = Refusal(Decide(InState("AwaitingApproval"), Command("countersign", Host)));

        Assert.Equal(RejectionCode.TriggerNotAllowed, rejection.Code);
        Assert.Contains("district:440112 has already signed.", rejection.Message, StringComparison.Ordinal);
        Assert.Equal<string>(["approve", "reject", "withdraw"], rejection.PermittedTriggers);
    }

    [Fact]
    public void A_party_that_countersigned_an_amendment_cannot_countersign_it_again()
    {
        var amendment = Split("vat,cit", Step("2025-04", (O, 40m), (H, 40m), (T, 20m)));
        var state = Accept(InState("Running", Proposal(parties: 3)), Propose(Origin, "2025-04", amendment));
        state = Accept(state, Command("countersign-amendment", Host));
        Assert.Equal(AgreementStatus.AmendmentAwaitingCountersign, state.Status);

        var rejection = Refusal(Decide(state, Command("countersign-amendment", Host)));

        Assert.Equal(RejectionCode.TriggerNotAllowed, rejection.Code);
        Assert.Contains("district:440112 has already signed.", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_agreement_that_exists_cannot_be_created_again_and_one_that_does_not_cannot_be_fired()
    {
        Assert.Equal(RejectionCode.TriggerNotAllowed, Refusal(Decide(InState("Draft"), Create(Proposal()))).Code);
        Assert.Equal(RejectionCode.NotFound, Refusal(Decide(null, Command("submit", Origin))).Code);
    }

    [Theory]
    [InlineData("O", null)]
    [InlineData("T", "Forbidden")]
    [InlineData("finance", "Forbidden")]
    public void Only_a_party_district_may_propose_an_agreement(string caller, string? expected)
    {
        var decision = Decide(null, Create(Proposal(), Caller(caller)));

        Assert.Equal(expected, decision.Rejection?.Code.ToString());
    }

    private static string Outcome(Decision decision) => decision.Rejection switch
    {
        null => Assert.Single(decision.Events).GetType().Name,
        { Code: RejectionCode.TriggerNotAllowed } rejection => $"TriggerNotAllowed [{string.Join(", ", rejection.PermittedTriggers)}]",
        { } rejection => rejection.Code.ToString(),
    };
}
