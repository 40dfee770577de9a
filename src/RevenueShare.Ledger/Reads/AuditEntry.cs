namespace RevenueShare.Ledger.Reads;

/// <summary>One event of an agreement's audit trail: what, when, by whom and why.</summary>
public sealed record AuditEntry(long SequenceNr, string At, string By, string Type, string? Reason, string Detail);
