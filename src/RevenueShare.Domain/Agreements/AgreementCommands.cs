using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Agreements;

/// <summary>What an office asks of one agreement. Every command names its agreement and its caller.</summary>
public interface IAgreementCommand
{
    AgreementId AgreementId { get; }

    Principal By { get; }
}

public sealed record CreateAgreement(AgreementId AgreementId, Principal By, AgreementTerms Terms) : IAgreementCommand;

public sealed record EditDraft(AgreementId AgreementId, Principal By, AgreementTerms Terms) : IAgreementCommand;

/// <summary>One of the triggers of docs/agreements.md, Lifecycle, on the agreement itself, with its optional reason and month.</summary>
public sealed record FireTrigger(AgreementId AgreementId, Principal By, LifecycleTrigger Trigger, string? Reason, YearMonth? From) : IAgreementCommand;

public sealed record ProposeAmendment(AgreementId AgreementId, Principal By, YearMonth From, ImmutableArray<SharingTerm> Terms) : IAgreementCommand;

public sealed record FireAmendmentTrigger(AgreementId AgreementId, Principal By, int Number, LifecycleTrigger Trigger, string? Reason) : IAgreementCommand;

public sealed record BookFigures(AgreementId AgreementId, Principal By, ImmutableArray<FigureReport> Reports) : IAgreementCommand;

/// <summary>The family's office approves, disputes or reopens one month of the agreement (docs/review.md).</summary>
public sealed record ReviewMonth(AgreementId AgreementId, Principal By, YearMonth Month, IndicatorFamily Family, ReviewDecision Decision, string? Reason) : IAgreementCommand;

/// <summary>The tax office reports an enterprise's apportionment factors of a year (docs/allocation.md, Formula shares).</summary>
public sealed record ReportFactors(AgreementId AgreementId, Principal By, FactorReport Report) : IAgreementCommand;

/// <summary>The office that reports a family files an enterprise's history figures for this agreement (docs/allocation.md, history and derived amounts).</summary>
public sealed record ReportHistory(AgreementId AgreementId, Principal By, ImmutableArray<FigureReport> Reports) : IAgreementCommand;

/// <summary>
/// The office that reports a family certifies an enterprise's history of the indicators its derived
/// amounts need; <see cref="Indicators"/> empty means every indicator of the caller's family that one needs.
/// </summary>
public sealed record CertifyHistory(AgreementId AgreementId, Principal By, CreditCode Enterprise, ImmutableArray<Indicator> Indicators) : IAgreementCommand;
