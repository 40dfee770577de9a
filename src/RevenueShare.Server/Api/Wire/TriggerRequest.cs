namespace RevenueShare.Server.Api.Wire;

/// <summary>The optional body of a lifecycle trigger: a reason, and for suspend/resume/terminate the month it applies from.</summary>
public sealed record TriggerRequest(string? Reason, string? From);
