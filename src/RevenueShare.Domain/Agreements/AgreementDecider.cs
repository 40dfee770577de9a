using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// Decide: given an agreement's state (null before it exists), a command and the instant, the events
/// to persist or the refusal. Pure: the instant is stamped into the events here, once.
/// </summary>
public static class AgreementDecider
{
    public static Decision Decide(AgreementState? state, IAgreementCommand command, Instant now)
    {
        if (state is null)
        {
            return command is CreateAgreement create
                ? Create(create, now)
                : Decision.Refused(new Rejection(RejectionCode.NotFound, $"Agreement {command.AgreementId} does not exist."));
        }

        return command switch
        {
            CreateAgreement => Decision.Refused(new Rejection(RejectionCode.TriggerNotAllowed, $"Agreement {state.Id} already exists.")),
            EditDraft edit => Edit(state, edit, now),
            FireTrigger fire => Fire(state, fire, now),
            ProposeAmendment propose => Propose(state, propose, now),
            FireAmendmentTrigger fire => FireAmendment(state, fire, now),
            BookFigures book => FigureBooking.Decide(state, book, now),
            ReviewMonth review => MonthReviewing.Decide(state, review, now),
            ReportFactors report => FactorReporting.Decide(state, report, now),
            ReportHistory report => HistoryReporting.Decide(state, report, now),
            CertifyHistory certify => HistoryCertifying.Decide(state, certify, now),
            _ => throw new ArgumentException($"Unknown command {command.GetType().Name}.", nameof(command)),
        };
    }

    private static Decision Create(CreateAgreement create, Instant now)
    {
        if (create.By.Kind != PrincipalKind.District || !create.Terms.IsParty(create.By.District!.Value))
        {
            return Decision.Refused(new Rejection(RejectionCode.Forbidden, "Only a district finance office that is a party may propose an agreement."));
        }

        return Decision.Accepted(new AgreementCreated(create.AgreementId, create.Terms, now, create.By));
    }

    private static Decision Edit(AgreementState state, EditDraft edit, Instant now)
    {
        if (Check(state, LifecycleTrigger.Edit, edit.By) is { } refused)
        {
            return Decision.Refused(refused);
        }

        if (!edit.Terms.IsParty(state.Proposer))
        {
            return Decision.Refused(new Rejection(RejectionCode.Invalid, "The proposing district must stay a party.", "$.parties"));
        }

        return Decision.Accepted(new DraftEdited(state.Id, edit.Terms, now, edit.By));
    }

    private static Decision Fire(AgreementState state, FireTrigger fire, Instant now)
    {
        if (Check(state, fire.Trigger, fire.By) is { } refused)
        {
            return Decision.Refused(refused);
        }

        var by = fire.By;
        if (!TextRules.TryReadReason(fire.Reason, out var reason, out var badReason))
        {
            return Decision.Refused(new Rejection(RejectionCode.Invalid, badReason, "$.reason"));
        }

        if (fire.Trigger is LifecycleTrigger.Suspend or LifecycleTrigger.Resume or LifecycleTrigger.Terminate && reason is null)
        {
            return Decision.Refused(new Rejection(RejectionCode.Invalid, $"A reason is required to {LifecycleTriggers.Name(fire.Trigger)}.", "$.reason"));
        }

        var month = fire.From ?? Months.Current(now);
        if (fire.Trigger is LifecycleTrigger.Suspend or LifecycleTrigger.Terminate && fire.From is null)
        {
            return Decision.Refused(new Rejection(RejectionCode.Invalid, $"The month to {LifecycleTriggers.Name(fire.Trigger)} from is required.", "$.from"));
        }

        if (fire.Trigger is LifecycleTrigger.Suspend or LifecycleTrigger.Resume or LifecycleTrigger.Terminate
            && (month < state.Terms.Effective.From || month > state.Terms.Effective.To.PlusMonths(1)))
        {
            return Decision.Refused(new Rejection(
                RejectionCode.Invalid,
                $"{Months.Format(month)} is outside the agreement's effective period {Months.Format(state.Terms.Effective.From)}..{Months.Format(state.Terms.Effective.To)}.",
                "$.from"));
        }

        if (fire.Trigger == LifecycleTrigger.Resume && month < state.SuspendedFrom)
        {
            return Decision.Refused(new Rejection(RejectionCode.Invalid, $"Resumption cannot precede the suspension from {Months.Format(state.SuspendedFrom.Value)}.", "$.from"));
        }

        if (fire.Trigger == LifecycleTrigger.Approve && HistoryCertifying.Uncertified(state) is { } uncertified)
        {
            return Decision.Refused(uncertified);
        }

        IAgreementEvent @event = fire.Trigger switch
        {
            LifecycleTrigger.Submit => new AgreementSubmitted(state.Id, now, by),
            LifecycleTrigger.Countersign => new AgreementCountersigned(state.Id, fire.By.District!.Value, now, by),
            LifecycleTrigger.Approve => new AgreementApproved(state.Id, reason, now, by),
            LifecycleTrigger.Reject => new AgreementRejected(state.Id, reason, now, by),
            LifecycleTrigger.Withdraw => new AgreementWithdrawn(state.Id, reason, now, by),
            LifecycleTrigger.Suspend => new AgreementSuspended(state.Id, month, reason, now, by),
            LifecycleTrigger.Resume => new AgreementResumed(state.Id, month, reason, now, by),
            LifecycleTrigger.Terminate => new AgreementTerminated(state.Id, month, reason, now, by),
            _ => throw new ArgumentException($"{fire.Trigger} is not a trigger of the agreement itself.", nameof(fire)),
        };
        return Decision.Accepted(@event);
    }

    private static Decision Propose(AgreementState state, ProposeAmendment propose, Instant now)
    {
        if (Check(state, LifecycleTrigger.ProposeAmendment, propose.By) is { } refused)
        {
            return Decision.Refused(refused);
        }

        if (!state.Terms.Effective.Contains(propose.From))
        {
            return Decision.Refused(new Rejection(RejectionCode.Invalid, $"An amendment must take effect within the effective period; {Months.Format(propose.From)} is outside it.", "$.from"));
        }

        // Reviewed months keep the terms they were reviewed under: a new version may start only after them.
        var reviewed = state.Reviews.Keys.Where(k => k.Month >= propose.From).OrderByDescending(k => k.Month).ThenBy(k => k.Family).ToList();
        if (reviewed.Count > 0)
        {
            var last = reviewed[0];
            return Decision.Refused(new Rejection(
                RejectionCode.TriggerNotAllowed,
                $"{Months.Format(last.Month)} ({last.Family.WireName()}) has been reviewed: an amendment must take effect after every reviewed month, from {Months.Format(last.Month.PlusMonths(1))} on.",
                "$.from"));
        }

        var number = state.Amendments.Length + 1;
        return Decision.Accepted(new AmendmentProposed(state.Id, number, propose.From, propose.Terms, now, propose.By));
    }

    private static Decision FireAmendment(AgreementState state, FireAmendmentTrigger fire, Instant now)
    {
        var pending = state.PendingAmendment;
        var addressed = state.Amendments.FirstOrDefault(a => a.Number == fire.Number);
        if (addressed is null)
        {
            return Decision.Refused(new Rejection(RejectionCode.NotFound, $"Agreement {state.Id} has no amendment {fire.Number}."));
        }

        if (Check(state, fire.Trigger, fire.By, addressed) is { } refused)
        {
            return Decision.Refused(refused);
        }

        if (pending is null || pending.Number != fire.Number)
        {
            return Decision.Refused(new Rejection(RejectionCode.TriggerNotAllowed, $"Amendment {fire.Number} is no longer pending."));
        }

        var by = fire.By;
        if (!TextRules.TryReadReason(fire.Reason, out var reason, out var badReason))
        {
            return Decision.Refused(new Rejection(RejectionCode.Invalid, badReason, "$.reason"));
        }

        if (fire.Trigger == LifecycleTrigger.ApproveAmendment
            && FactorReporting.MissingUnder(state, state.Rules.Amend(pending.From, pending.Terms), $"Amendment {fire.Number}") is { } missing)
        {
            return Decision.Refused(missing);
        }

        var entries = fire.Trigger == LifecycleTrigger.ApproveAmendment ? Reallocate(state, pending) : [];
        if (MonthReviewing.LockedBy(state, entries) is { } locked)
        {
            return Decision.Refused(locked with { Message = $"Amendment {fire.Number} would change allocations already approved: {locked.Message}" });
        }

        if (fire.Trigger == LifecycleTrigger.Approve && HistoryCertifying.Uncertified(state) is { } uncertified)
        {
            return Decision.Refused(uncertified);
        }

        IAgreementEvent @event = fire.Trigger switch
        {
            LifecycleTrigger.CountersignAmendment => new AmendmentCountersigned(state.Id, fire.Number, fire.By.District!.Value, now, by),
            LifecycleTrigger.ApproveAmendment => new AmendmentApproved(state.Id, fire.Number, reason, entries, now, by),
            LifecycleTrigger.RejectAmendment => new AmendmentRejected(state.Id, fire.Number, reason, now, by),
            LifecycleTrigger.WithdrawAmendment => new AmendmentWithdrawn(state.Id, fire.Number, reason, now, by),
            _ => throw new ArgumentException($"{fire.Trigger} is not an amendment trigger.", nameof(fire)),
        };
        return Decision.Accepted(@event);
    }

    /// <summary>The adjustments an amendment's terms cause to the months already booked; also its preview (<see cref="AmendmentPreview"/>).</summary>
    internal static ImmutableArray<BookedEntry> Reallocate(AgreementState state, Amendment amendment)
    {
        var rules = state.Rules.Amend(amendment.From, amendment.Terms);
        var cause = $"amendment {amendment.Number}";
        var entries = ImmutableArray.CreateBuilder<BookedEntry>();
        foreach (var enterprise in state.Terms.Enterprises)
        {
            if (!state.Books.TryGetValue(enterprise.Id, out var book))
            {
                continue;
            }

            var after = AllocationEngine.AllocateEnterprise(rules, enterprise, book.CoveredFigures(rules));
            foreach (var change in AllocationDelta.Between(book.LinesInPartyOrder(rules), after))
            {
                entries.Add(new BookedEntry(change, cause));
            }
        }

        return entries.ToImmutable();
    }

    /// <summary>Who may fire (403), then whether the machine permits it now (409).</summary>
    internal static Rejection? Check(AgreementState state, LifecycleTrigger trigger, Principal caller, Amendment? amendment = null)
    {
        if (!LifecycleRights.MayFire(trigger, state, caller, amendment))
        {
            return new Rejection(RejectionCode.Forbidden, $"Only {LifecycleRights.Who(trigger)} may {LifecycleTriggers.Name(trigger)} agreement {state.Id}.");
        }

        var lifecycle = new AgreementLifecycle(state, caller.District);
        if (lifecycle.CanFire(trigger))
        {
            return null;
        }

        var permitted = lifecycle.PermittedTriggers;
        var signed = trigger == LifecycleTrigger.Countersign ? state.Signatures
            : trigger == LifecycleTrigger.CountersignAmendment ? state.PendingAmendment?.Signatures ?? []
            : [];
        var already = caller.District is { } district && signed.Contains(district) ? $" {caller} has already signed." : string.Empty;
        return new Rejection(
            RejectionCode.TriggerNotAllowed,
            $"'{LifecycleTriggers.Name(trigger)}' is not allowed while agreement {state.Id} is {state.Status}.{already} Permitted now: {(permitted.Count == 0 ? "none (final state)" : string.Join(", ", permitted))}.")
        {
            PermittedTriggers = [.. permitted],
        };
    }
}
