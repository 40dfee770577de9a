using System.Collections.Immutable;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// The result of deciding a command: the events to persist (none when refused or when nothing new
/// happened), the refusal if the whole command was refused, and per-report outcomes for a batch.
/// </summary>
public sealed record Decision(ImmutableArray<IAgreementEvent> Events, Rejection? Rejection, ImmutableArray<ReportOutcome> Outcomes)
{
    public static Decision Refused(Rejection rejection) => new([], rejection, []);

    public static Decision Accepted(IAgreementEvent @event) => new([@event], null, []);
}
