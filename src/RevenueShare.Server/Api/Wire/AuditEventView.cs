namespace RevenueShare.Server.Api.Wire;

/// <summary>One event of an agreement's audit trail.</summary>
public sealed record AuditEventView(long Sequence, string Type, string At, string By, string? Reason, StoredJson Detail);
