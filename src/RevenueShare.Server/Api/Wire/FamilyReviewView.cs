namespace RevenueShare.Server.Api.Wire;

/// <summary>
/// Where the review of a month stands for one family (<c>tax</c> or <c>statistics</c>): the current
/// <see cref="Status"/> (<c>approved</c>, <c>disputed</c>, <c>reopened</c>, or null when never
/// reviewed), whether the month is <see cref="Locked"/> for the family, and every decision in order.
/// </summary>
public sealed record FamilyReviewView(string Family, string? Status, bool Locked, IReadOnlyList<ReviewDecisionView> History);
