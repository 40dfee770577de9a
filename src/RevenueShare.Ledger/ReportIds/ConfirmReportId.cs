namespace RevenueShare.Ledger.ReportIds;

/// <summary>A suspect of a claim, once its agreement has said whether it holds the reportId (answered with a <see cref="ReportIdClaim"/>).</summary>
public sealed record ConfirmReportId(long Batch, ReportIdClaim Suspect, bool HeldBySuspect) : Serialization.ILedgerMessage;
