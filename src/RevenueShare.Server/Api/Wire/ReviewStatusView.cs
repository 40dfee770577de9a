namespace RevenueShare.Server.Api.Wire;

/// <summary>Review status of an agreement's month for one family; "none" until reviews are recorded.</summary>
public sealed record ReviewStatusView(string Agreement, string Family, string Status);
