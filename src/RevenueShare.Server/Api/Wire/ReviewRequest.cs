namespace RevenueShare.Server.Api.Wire;

/// <summary>A review of a month for the caller's family: <c>approve</c>, <c>dispute</c> or <c>reopen</c>; dispute and reopen need a reason.</summary>
public sealed record ReviewRequest(string? Decision, string? Reason);
