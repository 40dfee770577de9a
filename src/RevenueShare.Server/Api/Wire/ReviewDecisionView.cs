namespace RevenueShare.Server.Api.Wire;

/// <summary>One review decision of a month and family, as the audit trail records it.</summary>
public sealed record ReviewDecisionView(long Sequence, string Decision, string? Reason, string At, string By);
