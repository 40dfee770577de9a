using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.History;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// What happened to an agreement. Every event carries the instant it was decided (stamped once by
/// Decide, so replay gives the same state) and the office that caused it. Events are the audit trail
/// and are never edited.
/// </summary>
public interface IAgreementEvent
{
    AgreementId AgreementId { get; }

    Instant At { get; }

    Principal By { get; }
}

/// <summary>Events that carry a reason the acting office gave.</summary>
public interface IReasonedEvent : IAgreementEvent
{
    string? Reason { get; }
}

public sealed record AgreementCreated(AgreementId AgreementId, AgreementTerms Terms, Instant At, Principal By) : IAgreementEvent;

public sealed record DraftEdited(AgreementId AgreementId, AgreementTerms Terms, Instant At, Principal By) : IAgreementEvent;

public sealed record AgreementSubmitted(AgreementId AgreementId, Instant At, Principal By) : IAgreementEvent;

public sealed record AgreementCountersigned(AgreementId AgreementId, DistrictCode District, Instant At, Principal By) : IAgreementEvent;

public sealed record AgreementApproved(AgreementId AgreementId, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AgreementRejected(AgreementId AgreementId, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AgreementWithdrawn(AgreementId AgreementId, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AgreementSuspended(AgreementId AgreementId, YearMonth From, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AgreementResumed(AgreementId AgreementId, YearMonth From, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AgreementTerminated(AgreementId AgreementId, YearMonth From, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AmendmentProposed(AgreementId AgreementId, int Number, YearMonth From, ImmutableArray<SharingTerm> Terms, Instant At, Principal By) : IAgreementEvent;

public sealed record AmendmentCountersigned(AgreementId AgreementId, int Number, DistrictCode District, Instant At, Principal By) : IAgreementEvent;

/// <summary>An amendment took effect; <see cref="Entries"/> are the adjustments its new terms caused to months already booked.</summary>
public sealed record AmendmentApproved(AgreementId AgreementId, int Number, string? Reason, ImmutableArray<BookedEntry> Entries, Instant At, Principal By) : IReasonedEvent;

public sealed record AmendmentRejected(AgreementId AgreementId, int Number, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AmendmentWithdrawn(AgreementId AgreementId, int Number, string? Reason, Instant At, Principal By) : IReasonedEvent;

/// <summary>
/// One batch of figure reports for this agreement, persisted as one event: the reports booked and
/// every allocation and adjustment entry they caused.
/// </summary>
public sealed record FiguresBooked(AgreementId AgreementId, ImmutableArray<FigureReport> Reports, ImmutableArray<BookedEntry> Entries, Instant At, Principal By) : IAgreementEvent;

/// <summary>
/// The tax office reported an enterprise's apportionment factors of a year, a first report or a
/// restatement; <see cref="Entries"/> are the adjustments a restatement caused to the figures of the
/// year after, whose ratios come from these factors.
/// </summary>
public sealed record FactorsReported(AgreementId AgreementId, FactorReport Report, ImmutableArray<BookedEntry> Entries, Instant At, Principal By) : IAgreementEvent;

/// <summary>
/// The family's office reviewed one month: approved (which locks it for the family), disputed or reopened.
/// An approval is sealed when it is persisted: <see cref="Seal"/> is the agreement's chain head just
/// before it, so the month's figures as approved can be proven unchanged later (docs/storage.md, Tamper evidence).
/// </summary>
public sealed record MonthReviewed(AgreementId AgreementId, YearMonth Month, IndicatorFamily Family, ReviewDecision Decision, string? Reason, Instant At, Principal By) : IReasonedEvent
{
    /// <summary>The chain head the approval was sealed with; null on a dispute or a reopening, and on approvals stored before the chain.</summary>
    public ChainDigest? Seal { get; init; }
}

/// <summary>History figures of this agreement's enterprises, first reports or restatements: stored and shown, never allocated.</summary>
public sealed record HistoryReported(AgreementId AgreementId, ImmutableArray<FigureReport> Reports, Instant At, Principal By) : IAgreementEvent;

/// <summary>
/// The office that reports a family certified an enterprise's history: <see cref="History"/> is what it
/// certified, month by month with its reportIds, and <see cref="Amounts"/> the derived amounts that became
/// known with it, frozen for the agreement's life.
/// </summary>
public sealed record HistoryCertified(
    AgreementId AgreementId,
    CreditCode Enterprise,
    ImmutableArray<CertifiedHistory> History,
    ImmutableArray<CertifiedAmount> Amounts,
    Instant At,
    Principal By) : IAgreementEvent;
