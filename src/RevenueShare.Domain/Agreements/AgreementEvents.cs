using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Figures;
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
    string AgreementId { get; }

    Instant At { get; }

    Principal By { get; }
}

/// <summary>Events that carry a reason the acting office gave.</summary>
public interface IReasonedEvent : IAgreementEvent
{
    string? Reason { get; }
}

public sealed record AgreementCreated(string AgreementId, AgreementTerms Terms, Instant At, Principal By) : IAgreementEvent;

public sealed record DraftEdited(string AgreementId, AgreementTerms Terms, Instant At, Principal By) : IAgreementEvent;

public sealed record AgreementSubmitted(string AgreementId, Instant At, Principal By) : IAgreementEvent;

public sealed record AgreementCountersigned(string AgreementId, string District, Instant At, Principal By) : IAgreementEvent;

public sealed record AgreementApproved(string AgreementId, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AgreementRejected(string AgreementId, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AgreementWithdrawn(string AgreementId, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AgreementSuspended(string AgreementId, YearMonth From, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AgreementResumed(string AgreementId, YearMonth From, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AgreementTerminated(string AgreementId, YearMonth From, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AmendmentProposed(string AgreementId, int Number, YearMonth From, ImmutableArray<SharingTerm> Terms, Instant At, Principal By) : IAgreementEvent;

public sealed record AmendmentCountersigned(string AgreementId, int Number, string District, Instant At, Principal By) : IAgreementEvent;

/// <summary>An amendment took effect; <see cref="Entries"/> are the adjustments its new terms caused to months already booked.</summary>
public sealed record AmendmentApproved(string AgreementId, int Number, string? Reason, ImmutableArray<BookedEntry> Entries, Instant At, Principal By) : IReasonedEvent;

public sealed record AmendmentRejected(string AgreementId, int Number, string? Reason, Instant At, Principal By) : IReasonedEvent;

public sealed record AmendmentWithdrawn(string AgreementId, int Number, string? Reason, Instant At, Principal By) : IReasonedEvent;

/// <summary>
/// One batch of figure reports for this agreement, persisted as one event: the reports booked and
/// every allocation and adjustment entry they caused.
/// </summary>
public sealed record FiguresBooked(string AgreementId, ImmutableArray<FigureReport> Reports, ImmutableArray<BookedEntry> Entries, Instant At, Principal By) : IAgreementEvent;

/// <summary>The family's office reviewed one month: approved (which locks it for the family), disputed or reopened.</summary>
public sealed record MonthReviewed(string AgreementId, YearMonth Month, IndicatorFamily Family, ReviewDecision Decision, string? Reason, Instant At, Principal By) : IReasonedEvent;
