using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// The current review status of one month of one family of an agreement, with the reason, instant and
/// office of the decision that set it. <see cref="Family"/> is <c>tax</c> or <c>statistics</c>;
/// <see cref="Status"/> is <c>approved</c>, <c>disputed</c> or <c>reopened</c>.
/// </summary>
public sealed record ReviewRow(string Agreement, YearMonth Month, string Family, string Status, string? Reason, string At, string By)
{
    /// <summary>The row as the reports take it, its names read back into the domain's values.</summary>
    public FamilyReview Review => ReviewOf(Agreement, Family, Enum.Parse<ReviewStatus>(Status, ignoreCase: true));

    /// <summary>A review as the reports take it, from the agreement and family as the review tables name them.</summary>
    public static FamilyReview ReviewOf(string agreement, string family, ReviewStatus status) => new(
        AgreementId.Parse(agreement),
        IndicatorFamilies.TryParse(family, out var known) ? known : throw new FormatException($"Unknown family '{family}' in the review tables."),
        status);

    public static string NameOf(ReviewStatus status) => status.ToString().ToLowerInvariant();

    /// <summary><c>approve</c>, <c>dispute</c> or <c>reopen</c>: as the request names the decision.</summary>
    public static string NameOf(ReviewDecision decision) => decision.ToString().ToLowerInvariant();
}
