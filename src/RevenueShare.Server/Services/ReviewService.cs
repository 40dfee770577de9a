using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Reads;

namespace RevenueShare.Server.Services;

/// <summary>
/// Month reviews (docs/review.md), one path for the API and the pages: the family's office approves,
/// disputes or reopens a month for its own family; reading follows need to know (tax and statistics
/// their own family, finance and the parties both).
/// </summary>
public sealed class ReviewService(AgreementService agreements, LedgerGateway ledger, ReadModel reads, IClock clock)
{
    public async Task<Outcome<MonthReviews>> GetAsync(Principal office, string id, string month, CancellationToken cancellationToken)
    {
        if (await agreements.VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return AgreementService.NotFound(id);
        }

        if (!Months.TryParse(month, out var parsed, out var error))
        {
            return Refusal.BadField("month", error);
        }

        return await ReviewsAsync(state.Id, parsed, office, cancellationToken);
    }

    /// <summary>Records the office's decision (<c>approve</c>, <c>dispute</c>, <c>reopen</c>) on the month for its family, and answers the month's reviews after it.</summary>
    public async Task<Outcome<MonthReviews>> ReviewAsync(
        Principal office, string id, string month, string? decision, string? reason, CancellationToken cancellationToken)
    {
        if (await agreements.VisibleAsync(id, office, cancellationToken) is not { } state)
        {
            return AgreementService.NotFound(id);
        }

        if (!Months.TryParse(month, out var parsed, out var error))
        {
            return Refusal.BadField("month", error);
        }

        if (office.Kind is not (PrincipalKind.Tax or PrincipalKind.Statistics))
        {
            return Refusal.Forbidden("Only tax (tax months) and statistics (statistical months) review months.");
        }

        if (!TryParseDecision(decision, out var parsedDecision))
        {
            return Refusal.BadField("$.decision", decision is null
                ? "A decision is required: approve, dispute or reopen."
                : $"'{decision}' is not a decision: approve, dispute or reopen.");
        }

        var family = office.Kind == PrincipalKind.Tax ? IndicatorFamily.Tax : IndicatorFamily.Statistics;
        var reply = await ledger.SendAsync(new ReviewMonth(state.Id, office, parsed, family, parsedDecision, reason), cancellationToken);
        if (reply.Rejection is not null)
        {
            return Refusal.Of(reply.Rejection);
        }

        return await ReviewsAsync(state.Id, parsed, office, cancellationToken);
    }

    /// <summary>
    /// The review queue of the office's families: every month that has ended of every agreement that was
    /// approved, from its first effective month to its last (or its termination), with the month's review
    /// status, newest month first.
    /// </summary>
    public async Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(Principal office, CancellationToken cancellationToken)
    {
        var lastEnded = Months.Current(clock.GetCurrentInstant()).PlusMonths(-1);
        IReadOnlyList<ReviewRow> reviewed;
        await using (var snapshot = await reads.SnapshotAsync(cancellationToken))
        {
            reviewed = await snapshot.ReviewsAsync(null, null, cancellationToken);
        }

        var statuses = reviewed
            .ToDictionary(r => (r.Agreement, r.Month, r.Family), r => r.Review.Status);
        var queue = new List<ReviewQueueItem>();
        foreach (var agreement in await agreements.ListAsync(office, cancellationToken))
        {
            if (!agreement.WasApproved)
            {
                continue;
            }

            var last = agreement.Terms.Effective.To;
            if (agreement.TerminatedFrom is { } terminated && terminated.PlusMonths(-1) < last)
            {
                last = terminated.PlusMonths(-1);
            }

            if (lastEnded < last)
            {
                last = lastEnded;
            }

            for (var month = last; month >= agreement.Terms.Effective.From; month = month.PlusMonths(-1))
            {
                foreach (var family in Visibility.FamiliesOf(office))
                {
                    var status = statuses.TryGetValue((agreement.Id.Value, month, family.WireName()), out var found) ? found : (ReviewStatus?)null;
                    queue.Add(new ReviewQueueItem(agreement.Id, agreement.Terms.Title, month, family, status));
                }
            }
        }

        return [.. queue.OrderByDescending(q => q.Month).ThenBy(q => q.Agreement.Value, StringComparer.Ordinal)];
    }

    private async Task<MonthReviews> ReviewsAsync(AgreementId id, YearMonth month, Principal office, CancellationToken cancellationToken)
    {
        await using var snapshot = await reads.SnapshotAsync(cancellationToken);
        var statuses = await snapshot.ReviewsAsync(id, month, cancellationToken);
        var decisions = await snapshot.ReviewHistoryAsync(id, month, cancellationToken);
        var families = Visibility.FamiliesOf(office)
            .Select(family => new FamilyReviewHistory(
                family,
                statuses.FirstOrDefault(s => s.Family == family.WireName())?.Review.Status,
                [.. decisions.Where(d => d.Family == family.WireName())]))
            .ToArray();
        return new MonthReviews(id, month, families);
    }

    private static bool TryParseDecision(string? text, out ReviewDecision decision)
    {
        (var known, decision) = text switch
        {
            "approve" => (true, ReviewDecision.Approve),
            "dispute" => (true, ReviewDecision.Dispute),
            "reopen" => (true, ReviewDecision.Reopen),
            _ => (false, default),
        };
        return known;
    }
}
