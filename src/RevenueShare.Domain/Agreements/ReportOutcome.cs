namespace RevenueShare.Domain.Agreements;

/// <summary>What became of one report of a batch; <see cref="Rejection"/> is set when it was rejected.</summary>
public sealed record ReportOutcome(string ReportId, ReportStatus Status, Rejection? Rejection = null);
