namespace RevenueShare.Server.Api.Wire;

/// <summary>The review of one month of an agreement, per family the caller may see.</summary>
public sealed record MonthReviewsResponse(string Agreement, string Month, IReadOnlyList<FamilyReviewView> Families);
