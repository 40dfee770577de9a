using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// Everything one agreement knows, rebuilt by replaying its events through <see cref="Apply"/>.
/// Immutable: <see cref="Apply"/> returns a new state and never reads a clock.
/// </summary>
public sealed record AgreementState(
    AgreementId Id,
    AgreementStatus Status,
    AgreementTerms Terms,
    AgreementRules Rules,
    DistrictCode Proposer,
    ImmutableArray<DistrictCode> Signatures,
    ImmutableArray<Amendment> Amendments,
    ImmutableArray<MonthRange> Pauses,
    YearMonth? TerminatedFrom,
    long Version,
    ImmutableDictionary<CreditCode, EnterpriseBook> Books,
    ReportIndex Reports)
{
    /// <summary>The top-level state of docs/agreements.md, Lifecycle: Active for each of Active's substates.</summary>
    public AgreementStatus TopLevelStatus => IsActive ? AgreementStatus.Active : Status;

    public bool IsActive => Status is AgreementStatus.Running or AgreementStatus.AmendmentAwaitingCountersign
        or AgreementStatus.AmendmentAwaitingApproval;

    /// <summary>The amendment awaiting countersignature or approval, if any.</summary>
    public Amendment? PendingAmendment => Amendments.FirstOrDefault(a =>
        a.Status is AmendmentStatus.AwaitingCountersign or AmendmentStatus.AwaitingApproval);

    /// <summary>The month a suspension started, while suspended.</summary>
    public YearMonth? SuspendedFrom { get; init; }

    /// <summary>The current review status of each month and family reviewed so far (docs/review.md).</summary>
    public ImmutableDictionary<(YearMonth Month, IndicatorFamily Family), ReviewStatus> Reviews { get; init; } =
        ImmutableDictionary<(YearMonth Month, IndicatorFamily Family), ReviewStatus>.Empty;

    /// <summary>Every factor report booked (docs/allocation.md, Formula shares), by reportId; the current revisions are in <see cref="AgreementRules.Factors"/>.</summary>
    public ImmutableDictionary<string, FactorReport> FactorReports { get; init; } =
        ImmutableDictionary.Create<string, FactorReport>(StringComparer.Ordinal);

    /// <summary>Every history figure reported (docs/allocation.md, history and derived amounts), by reportId.</summary>
    public ImmutableDictionary<string, FigureReport> HistoryReports { get; init; } =
        ImmutableDictionary.Create<string, FigureReport>(StringComparer.Ordinal);

    /// <summary>The current revision of each history figure, by enterprise, indicator and month.</summary>
    public ImmutableDictionary<(CreditCode Enterprise, Indicator Indicator, YearMonth Month), FigureReport> CurrentHistory { get; init; } =
        ImmutableDictionary<(CreditCode Enterprise, Indicator Indicator, YearMonth Month), FigureReport>.Empty;

    /// <summary>The history certified, by enterprise and indicator, with when and by whom; frozen once there.</summary>
    public ImmutableDictionary<(CreditCode Enterprise, Indicator Indicator), HistoryCertified> Certified { get; init; } =
        ImmutableDictionary<(CreditCode Enterprise, Indicator Indicator), HistoryCertified>.Empty;

    /// <summary>Whether <paramref name="reportId"/> names a figure, history or factor report of this agreement: one namespace for all three.</summary>
    public bool UsesReportId(string reportId) =>
        Reports.ContainsKey(reportId) || HistoryReports.ContainsKey(reportId) || FactorReports.ContainsKey(reportId);

    /// <summary>The current history figure of an enterprise, indicator and month; null when none was reported.</summary>
    public decimal? HistoryOf(CreditCode enterprise, Indicator indicator, YearMonth month) =>
        CurrentHistory.TryGetValue((enterprise, indicator, month), out var report) ? report.Amount : null;

    /// <summary>Whether the agreement was ever approved (Active, Suspended, or Terminated after approval).</summary>
    public bool WasApproved => IsActive || Status == AgreementStatus.Suspended || (Status == AgreementStatus.Terminated);

    public static AgreementState Created(AgreementCreated created) => new(
        created.AgreementId,
        AgreementStatus.Draft,
        created.Terms,
        AgreementRules.From(created.Terms),
        Signer(created.By),
        [],
        [],
        [],
        null,
        1,
        ImmutableDictionary<CreditCode, EnterpriseBook>.Empty,
        ReportIndex.Empty);

    /// <summary>
    /// The state after the event. Each lifecycle event names its trigger here, once: the machine fired
    /// over this state says the status it leads to (and refuses an event that does not fit), and the
    /// event adds its own data. Figures and reviews leave the status alone and build no machine, so
    /// replaying a long history stays cheap.
    /// </summary>
    public AgreementState Apply(IAgreementEvent @event)
    {
        var next = @event switch
        {
            FiguresBooked e => Booked(e.Reports, e.Entries),
            MonthReviewed e => this with { Reviews = Reviews.SetItem((e.Month, e.Family), StatusAfter(e.Decision)) },
            FactorsReported e => FactorsBooked(e),
            HistoryReported e => HistoryBooked(e),
            HistoryCertified e => HistoryFrozen(e),
            DraftEdited e => Fired(LifecycleTrigger.Edit) with { Terms = e.Terms, Rules = AgreementRules.From(e.Terms) with { Factors = Rules.Factors } },
            AgreementSubmitted e => Fired(LifecycleTrigger.Submit) with { Signatures = [Signer(e.By)] },
            AgreementCountersigned e => Fired(LifecycleTrigger.Countersign, e.District) with { Signatures = Signatures.Add(e.District) },
            AgreementApproved => Fired(LifecycleTrigger.Approve),
            AgreementRejected => Fired(LifecycleTrigger.Reject),
            AgreementWithdrawn => Fired(LifecycleTrigger.Withdraw),
            AgreementSuspended e => Fired(LifecycleTrigger.Suspend) with { SuspendedFrom = e.From },
            AgreementResumed e => Fired(LifecycleTrigger.Resume) with
            {
                SuspendedFrom = null,
                Pauses = e.From > SuspendedFrom!.Value ? Pauses.Add(new MonthRange(SuspendedFrom.Value, e.From.PlusMonths(-1))) : Pauses,
            },
            AgreementTerminated e => Fired(LifecycleTrigger.Terminate) with
            {
                TerminatedFrom = e.From,
                Pauses = SuspendedFrom is { } from && e.From > from ? Pauses.Add(new MonthRange(from, e.From.PlusMonths(-1))) : Pauses,
                SuspendedFrom = null,
            },
            AmendmentProposed e => Fired(LifecycleTrigger.ProposeAmendment) with
            {
                Amendments = Amendments.Add(new Amendment(e.Number, e.From, e.Terms, Signer(e.By), [Signer(e.By)], AmendmentStatus.AwaitingCountersign)),
            },
            AmendmentCountersigned e => Fired(LifecycleTrigger.CountersignAmendment, e.District).AmendmentCountersignedBy(e.Number, e.District),
            AmendmentApproved e => Fired(LifecycleTrigger.ApproveAmendment).AmendmentApplied(e),
            AmendmentRejected e => Fired(LifecycleTrigger.RejectAmendment).AmendmentClosed(e.Number, AmendmentStatus.Rejected),
            AmendmentWithdrawn e => Fired(LifecycleTrigger.WithdrawAmendment).AmendmentClosed(e.Number, AmendmentStatus.Withdrawn),
            AgreementCreated => throw new InvalidOperationException($"Agreement {Id} already exists."),
            _ => throw new InvalidOperationException($"Unknown agreement event {@event.GetType().Name}."),
        };
        return next with { Version = Version + 1 };
    }

    /// <summary>Whether figures for <paramref name="month"/> are shared under this agreement.</summary>
    public bool IsOpenFor(YearMonth month) =>
        WasApproved
        && Terms.Effective.Contains(month)
        && !(TerminatedFrom is { } end && month >= end)
        && !(SuspendedFrom is { } pause && month >= pause)
        && !Pauses.Any(p => p.Contains(month));

    /// <summary>Whether <paramref name="month"/> is approved in review for <paramref name="family"/>, so no entry may change it.</summary>
    public bool IsLocked(YearMonth month, IndicatorFamily family) =>
        ReviewOf(month, family) == ReviewStatus.Approved;

    /// <summary>The review status of a month and family, null when it was never reviewed.</summary>
    public ReviewStatus? ReviewOf(YearMonth month, IndicatorFamily family) =>
        Reviews.TryGetValue((month, family), out var status) ? status : null;

    /// <summary>The district that signs for a district office; other offices never sign.</summary>
    private static DistrictCode Signer(Principal by) =>
        by.District ?? throw new InvalidOperationException($"{by} is not a district office and cannot sign.");

    /// <summary>The status a month and family is in after <paramref name="decision"/>, whatever it was in before.</summary>
    public static ReviewStatus StatusAfter(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Approve => ReviewStatus.Approved,
        ReviewDecision.Dispute => ReviewStatus.Disputed,
        _ => ReviewStatus.Reopened,
    };

    /// <summary>
    /// This state with the status the trigger leads to, decided over the state before the event adds
    /// its data: the signing guards count the signatures so far. <paramref name="callerDistrict"/> is
    /// the signing district of a countersignature, the caller the guards ask about.
    /// </summary>
    private AgreementState Fired(LifecycleTrigger trigger, DistrictCode? callerDistrict = null) =>
        this with { Status = AgreementLifecycle.StatusAfter(this, trigger, callerDistrict) };

    /// <summary>The amendment follows the status the machine gave the agreement: awaiting approval once the last party signed.</summary>
    private AgreementState AmendmentCountersignedBy(int number, DistrictCode district)
    {
        var amendment = Amendments.Single(a => a.Number == number);
        var updated = amendment with
        {
            Signatures = amendment.Signatures.Add(district),
            Status = Status == AgreementStatus.AmendmentAwaitingApproval ? AmendmentStatus.AwaitingApproval : AmendmentStatus.AwaitingCountersign,
        };
        return this with { Amendments = Amendments.Replace(amendment, updated) };
    }

    private AgreementState AmendmentClosed(int number, AmendmentStatus status)
    {
        var amendment = Amendments.Single(a => a.Number == number);
        return this with { Amendments = Amendments.Replace(amendment, amendment with { Status = status }) };
    }

    private AgreementState AmendmentApplied(AmendmentApproved approved)
    {
        var amendment = Amendments.Single(a => a.Number == approved.Number);
        var closed = AmendmentClosed(approved.Number, AmendmentStatus.Approved);
        return closed.Booked([], approved.Entries) with { Rules = Rules.Amend(amendment.From, amendment.Terms) };
    }

    private AgreementState FactorsBooked(FactorsReported reported)
    {
        var booked = Booked([], reported.Entries);
        return booked with
        {
            FactorReports = FactorReports.Add(reported.Report.ReportId, reported.Report),
            Rules = booked.Rules.WithFactors(reported.Report),
        };
    }

    private AgreementState HistoryBooked(HistoryReported reported)
    {
        var reports = HistoryReports.ToBuilder();
        var current = CurrentHistory.ToBuilder();
        foreach (var report in reported.Reports)
        {
            reports[report.ReportId] = report;
            current[(report.Enterprise, report.Indicator, report.Month)] = report;
        }

        return this with { HistoryReports = reports.ToImmutable(), CurrentHistory = current.ToImmutable() };
    }

    /// <summary>The certified amounts enter the terms and the rules the engine allocates by.</summary>
    private AgreementState HistoryFrozen(HistoryCertified certified)
    {
        var before = Terms.Enterprises.Single(e => e.Id == certified.Enterprise);
        var after = before.WithCertified(certified.Amounts);
        return this with
        {
            Certified = Certified.SetItems(certified.History.Select(h => KeyValuePair.Create((certified.Enterprise, h.Indicator), certified))),
            Terms = Terms with { Enterprises = Terms.Enterprises.Replace(before, after) },
            Rules = Rules with { Enterprises = Rules.Enterprises.Replace(Rules.Enterprises.Single(e => e.Id == certified.Enterprise), after) },
        };
    }

    private AgreementState Booked(IReadOnlyCollection<FigureReport> reports, IReadOnlyCollection<BookedEntry> entries)
    {
        var index = Reports.SetItems(reports);
        var books = Books.ToBuilder();
        var reportsByEnterprise = reports.ToLookup(r => r.Enterprise);
        var entriesByEnterprise = entries.ToLookup(e => e.Change.Line.Enterprise);
        foreach (var enterprise in reportsByEnterprise.Select(g => g.Key).Union(entriesByEnterprise.Select(g => g.Key)))
        {
            var book = books.GetValueOrDefault(enterprise, EnterpriseBook.Empty);
            books[enterprise] = book.With(index, reportsByEnterprise[enterprise], entriesByEnterprise[enterprise]);
        }

        return this with { Books = books.ToImmutable(), Reports = index };
    }
}
