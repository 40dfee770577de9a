using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger;

/// <summary>What became of one report of a batch, and under which agreement it was booked.</summary>
public sealed record FigureOutcome(string ReportId, ReportStatus Status, AgreementId? Agreement, Rejection? Rejection);
