namespace RevenueShare.Server.Api.Wire;

/// <summary>One review decision of a month and family, from the read side's review history; <see cref="Sequence"/> is its event's number in the agreement's journal, as in the audit trail.</summary>
public sealed record ReviewDecisionView(long Sequence, string Decision, string? Reason, string At, string By);
