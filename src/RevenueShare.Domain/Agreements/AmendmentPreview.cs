using System.Collections.Immutable;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// What approving a pending amendment would book, before anyone approves it (docs/agreements.md,
/// Amendments): the adjustment entries over the months already booked, computed by the very code
/// approval runs, and nothing persisted. <see cref="Blocked"/> says why approval would be refused now
/// (a month it changes is approved in review, or a figure it would share by the formula has no
/// factors of its year before), null when it would go through.
/// </summary>
public sealed record AmendmentPreview(Amendment Amendment, ImmutableArray<BookedEntry> Entries, Rejection? Blocked)
{
    /// <summary>The preview of the agreement's pending amendment <paramref name="number"/>; null when that amendment is not pending.</summary>
    public static AmendmentPreview? Of(AgreementState state, int number)
    {
        if (state.PendingAmendment is not { } pending || pending.Number != number)
        {
            return null;
        }

        if (FactorReporting.MissingUnder(state, state.Rules.Amend(pending.From, pending.Terms), $"Amendment {number}") is { } missing)
        {
            return new AmendmentPreview(pending, [], missing);
        }

        var entries = AgreementDecider.Reallocate(state, pending);
        return new AmendmentPreview(pending, entries, MonthReviewing.LockedBy(state, entries));
    }

    /// <summary>The change per district and indicator, summed over every month and enterprise, in district then catalogue order.</summary>
    public ImmutableArray<(DistrictCode District, Indicator Indicator, decimal Change)> ByDistrictAndIndicator() =>
    [
        .. Entries
            .GroupBy(e => (e.Change.Line.District, e.Change.Line.Indicator))
            .Select(g => (g.Key.District, g.Key.Indicator, g.Aggregate(0m, (sum, e) => checked(sum + e.Change.Amount))))
            .OrderBy(c => c.District.Value, StringComparer.Ordinal)
            .ThenBy(c => c.Indicator.Order),
    ];
}
