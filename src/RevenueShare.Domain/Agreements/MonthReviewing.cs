using NodaTime;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// Decides a review of one month of one family (docs/review.md) and says which months a change would
/// alter while they are locked (docs/corrections.md, Locked months). Approve from no review, disputed or
/// reopened; dispute from no review, disputed or reopened (an approved month is reopened first); reopen
/// only an approved month.
/// </summary>
internal static class MonthReviewing
{
    public static Decision Decide(AgreementState state, ReviewMonth review, Instant now)
    {
        var month = Months.Format(review.Month);
        var family = review.Family.WireName();
        if (review.By != Principal.ReporterOf(review.Family))
        {
            return Decision.Refused(new Rejection(RejectionCode.Forbidden, $"Only {Principal.ReporterOf(review.Family)} reviews {family} months."));
        }

        if (!state.WasApproved)
        {
            return Decision.Refused(new Rejection(RejectionCode.TriggerNotAllowed, $"Agreement {state.Id} is {state.Status}: months are reviewed only once it is approved."));
        }

        if (!state.Terms.Effective.Contains(review.Month))
        {
            return Decision.Refused(new Rejection(
                RejectionCode.MonthNotOpen,
                $"{month} is outside the agreement's effective period {Months.Format(state.Terms.Effective.From)}..{Months.Format(state.Terms.Effective.To)}.",
                "month"));
        }

        if (!Months.HasEnded(review.Month, now))
        {
            return Decision.Refused(new Rejection(RejectionCode.MonthNotOpen, $"{month} has not ended (China time): a month is reviewed after it closes.", "month"));
        }

        if (!TextRules.TryReadReason(review.Reason, out var reason, out var badReason))
        {
            return Decision.Refused(new Rejection(RejectionCode.Invalid, badReason, "$.reason"));
        }

        if (review.Decision is ReviewDecision.Dispute or ReviewDecision.Reopen && reason is null)
        {
            return Decision.Refused(new Rejection(RejectionCode.Invalid, $"A reason is required to {Name(review.Decision)} a month.", "$.reason"));
        }

        var current = state.ReviewOf(review.Month, review.Family);
        var allowed = review.Decision switch
        {
            ReviewDecision.Approve or ReviewDecision.Dispute => current != ReviewStatus.Approved,
            _ => current == ReviewStatus.Approved,
        };
        if (!allowed)
        {
            var status = current is null ? "not reviewed" : current.Value.ToString().ToLowerInvariant();
            var hint = review.Decision == ReviewDecision.Reopen ? "only an approved month is reopened" : "reopen it first";
            return Decision.Refused(new Rejection(RejectionCode.TriggerNotAllowed, $"{month} ({family}) is {status}: cannot {Name(review.Decision)} it; {hint}."));
        }

        return Decision.Accepted(new MonthReviewed(state.Id, review.Month, review.Family, review.Decision, reason, now, review.By));
    }

    /// <summary>The refusal of changes that fall on months locked for their family, null when none does.</summary>
    public static Rejection? LockedBy(AgreementState state, IEnumerable<BookedEntry> entries)
    {
        var locked = entries
            .Select(e => (e.Change.Line.Month, e.Change.Line.Indicator.Family))
            .Where(key => state.IsLocked(key.Month, key.Family))
            .Distinct()
            .OrderBy(key => key.Month)
            .ThenBy(key => key.Family)
            .ToList();
        if (locked.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", locked.Select(key => $"{Months.Format(key.Month)} ({key.Family.WireName()})"));
        return new Rejection(
            RejectionCode.Locked,
            locked.Count == 1
                ? $"{names} is approved in review; reopen it first."
                : $"{names} are approved in review; reopen them first.");
    }

    public static string Name(ReviewDecision decision) => decision.ToString().ToLowerInvariant();
}
