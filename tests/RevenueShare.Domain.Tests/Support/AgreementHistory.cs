using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Support;

/// <summary>
/// Drives one agreement through <see cref="AgreementDecider.Decide"/> and
/// <see cref="AgreementState.Apply"/> as the actor would, without the actor: commands for each trigger
/// of docs/agreements.md, Lifecycle, a fixed instant for <c>now</c>, and the states of the lifecycle
/// built by their ordinary history. O (天河) proposes; H (黄埔) is the other party and the registered
/// district; T (番禺) is the third party of a three-party agreement.
/// </summary>
internal static class AgreementHistory
{
    public const string Id = "GZ-2025-0001";

    /// <summary>2025-06-15 10:00 in Shanghai: January to May 2025 have ended, June has not.</summary>
    public static readonly Instant Now = Instant.FromUtc(2025, 6, 15, 2, 0);

    public const string Reason = "市财政局 2025 年第 3 号通知";

    public static Principal Origin { get; } = Principal.ForDistrict(O);

    public static Principal Host { get; } = Principal.ForDistrict(H);

    public static Principal Third { get; } = Principal.ForDistrict(T);

    /// <summary>A district that is no party to the agreement (越秀).</summary>
    public static Principal Outsider { get; } = Principal.ForDistrict(DistrictCode.Parse("440104"));

    /// <summary>A caller by the name used in test tables: O, H, T, outsider, finance, tax, statistics.</summary>
    public static Principal Caller(string name) => name switch
    {
        "O" => Origin,
        "H" => Host,
        "T" => Third,
        "outsider" => Outsider,
        "finance" => Principal.Finance,
        "tax" => Principal.Tax,
        "statistics" => Principal.Statistics,
        _ => throw new ArgumentException($"No caller '{name}' in the tests.", nameof(name)),
    };

    /// <summary>Terms effective 2025-01..2027-12 over one enterprise registered in H, vat and cit at 60/40 (or an even split over three parties).</summary>
    public static AgreementTerms Proposal(int parties = 2) => Proposal(
        parties == 2 ? [O, H] : [O, H, T],
        Covered(),
        parties == 2
            ? Split("vat,cit", Step("2025-01", (O, 60m), (H, 40m)))
            : Split("vat,cit", Step("2025-01", (O, 33.33m), (H, 33.33m), (T, 33.34m))));

    public static AgreementTerms Proposal(DistrictCode[] parties, CoveredEnterprise enterprise, params SharingTerm[] terms) => new(
        "天河总部研发 + 黄埔制造基地",
        AgreementModel.HqRndManufacturing,
        [.. parties.Select(p => new Party(p, p == H ? PartyRole.Host : PartyRole.Origin))],
        new EffectivePeriod(Month("2025-01"), Month("2027-12")),
        [enterprise],
        [.. terms]);

    public static CreateAgreement Create(AgreementTerms terms, Principal? by = null) => new(AgreementId.Parse(Id), by ?? Origin, terms);

    /// <summary>
    /// The command for a trigger as a table names it, with the arguments it needs to be valid: a
    /// reason, suspension and termination from 2025-04, resumption from 2025-05, an amendment from 2025-04.
    /// Amendment triggers address amendment 1.
    /// </summary>
    public static IAgreementCommand Command(string trigger, Principal by) => trigger switch
    {
        "edit" => new EditDraft(AgreementId.Parse(Id), by, Proposal()),
        "submit" => Fire(LifecycleTrigger.Submit, by),
        "countersign" => Fire(LifecycleTrigger.Countersign, by),
        "approve" => Fire(LifecycleTrigger.Approve, by),
        "reject" => Fire(LifecycleTrigger.Reject, by),
        "withdraw" => Fire(LifecycleTrigger.Withdraw, by),
        "suspend" => Fire(LifecycleTrigger.Suspend, by, Reason, "2025-04"),
        "resume" => Fire(LifecycleTrigger.Resume, by, Reason, "2025-05"),
        "terminate" => Fire(LifecycleTrigger.Terminate, by, Reason, "2025-04"),
        "propose-amendment" => Propose(by, "2025-04", Split("vat,cit", Step("2025-04", (O, 50m), (H, 50m)))),
        "countersign-amendment" => FireAmendment(LifecycleTrigger.CountersignAmendment, by),
        "approve-amendment" => FireAmendment(LifecycleTrigger.ApproveAmendment, by),
        "reject-amendment" => FireAmendment(LifecycleTrigger.RejectAmendment, by),
        "withdraw-amendment" => FireAmendment(LifecycleTrigger.WithdrawAmendment, by),
        _ => throw new ArgumentException($"No trigger '{trigger}'.", nameof(trigger)),
    };

    public static FireTrigger Fire(LifecycleTrigger trigger, Principal by, string? reason = null, string? from = null) =>
        new(AgreementId.Parse(Id), by, trigger, reason, from is null ? null : Month(from));

    public static ProposeAmendment Propose(Principal by, string from, params SharingTerm[] terms) => new(AgreementId.Parse(Id), by, Month(from), [.. terms]);

    public static FireAmendmentTrigger FireAmendment(LifecycleTrigger trigger, Principal by, int number = 1, string? reason = null) =>
        new(AgreementId.Parse(Id), by, number, trigger, reason);

    public static BookFigures Book(Principal by, params FigureReport[] reports) => new(AgreementId.Parse(Id), by, [.. reports]);

    public static FigureReport Report(string reportId, string indicator, string month, decimal amount, int revision = 1) =>
        new(reportId, Enterprise, Catalogue.Indicator(indicator), Month(month), amount, revision);

    public static Decision Decide(AgreementState? state, IAgreementCommand command, Instant? now = null) =>
        AgreementDecider.Decide(state, command, now ?? Now);

    /// <summary>The state after the events, as replay builds it.</summary>
    public static AgreementState Apply(AgreementState? state, IEnumerable<IAgreementEvent> events)
    {
        foreach (var @event in events)
        {
            state = state is null ? AgreementState.Created((AgreementCreated)@event) : state.Apply(@event);
        }

        return state ?? throw new InvalidOperationException("No events to build an agreement from.");
    }

    /// <summary>Decides the command, asserts it was not refused, and applies its events.</summary>
    public static AgreementState Accept(AgreementState? state, IAgreementCommand command, Instant? now = null)
    {
        var decision = Decide(state, command, now);
        Assert.Null(decision.Rejection);
        Assert.DoesNotContain(decision.Outcomes, o => o.Status == ReportStatus.Rejected);
        return Apply(state, decision.Events);
    }

    /// <summary>The state after every command of the history was accepted in turn.</summary>
    public static AgreementState Run(params IAgreementCommand[] history)
    {
        AgreementState? state = null;
        foreach (var command in history)
        {
            state = Accept(state, command);
        }

        return state ?? throw new ArgumentException("An empty history.", nameof(history));
    }

    /// <summary>A two-party agreement (O proposes, H countersigns) in a lifecycle state (docs/agreements.md), by its ordinary history.</summary>
    public static AgreementState InState(string state) => InState(state, Proposal());

    /// <summary>An agreement over <paramref name="terms"/> in a lifecycle state (docs/agreements.md): every other party countersigns, H countersigns an amendment.</summary>
    public static AgreementState InState(string state, AgreementTerms terms) => state switch
    {
        "Draft" => Run(Create(terms)),
        "AwaitingCountersign" => Run(Create(terms), Command("submit", Origin)),
        "AwaitingApproval" => terms.Parties.Where(p => p.District != O).Aggregate(
            InState("AwaitingCountersign", terms),
            (state, party) => Accept(state, Command("countersign", Principal.ForDistrict(party.District)))),
        "Running" => Accept(InState("AwaitingApproval", terms), Command("approve", Principal.Finance)),
        "AmendmentAwaitingCountersign" => Accept(InState("Running", terms), Command("propose-amendment", Origin)),
        "AmendmentAwaitingApproval" => Accept(InState("AmendmentAwaitingCountersign", terms), Command("countersign-amendment", Host)),
        "Suspended" => Accept(InState("Running", terms), Command("suspend", Principal.Finance)),
        "Rejected" => Accept(InState("AwaitingApproval", terms), Command("reject", Principal.Finance)),
        "Withdrawn" => Accept(InState("Draft", terms), Command("withdraw", Origin)),
        "Terminated" => Accept(InState("Running", terms), Command("terminate", Principal.Finance)),
        "Running after an amendment" => Accept(InState("AmendmentAwaitingApproval", terms), Command("approve-amendment", Principal.Finance)),
        "Terminated after an amendment" => Accept(InState("Running after an amendment", terms), Command("terminate", Principal.Finance)),
        _ => throw new ArgumentException($"No history leads to '{state}'.", nameof(state)),
    };

    /// <summary>The one event of an accepted decision.</summary>
    public static IAgreementEvent Single(Decision decision)
    {
        Assert.Null(decision.Rejection);
        return Assert.Single(decision.Events);
    }

    /// <summary>The refusal of a refused decision, which must carry no events.</summary>
    public static Rejection Refusal(Decision decision)
    {
        Assert.Empty(decision.Events);
        return Assert.IsType<Rejection>(decision.Rejection);
    }

    /// <summary>The allocation and adjustment entries of a batch.</summary>
    public static ImmutableArray<BookedEntry> Entries(Decision decision) =>
        Assert.IsType<FiguresBooked>(Single(decision)).Entries;
}
