using RevenueShare.Ledger.ReportIds;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>confirm-report-id</c> between nodes: a suspect claim and whether its agreement holds the reportId.</summary>
public sealed record ConfirmReportIdWire(long Batch, ReportIdClaimWire Suspect, bool HeldBySuspect)
{
    public static ConfirmReportIdWire Of(ConfirmReportId confirm) => new(confirm.Batch, ReportIdClaimWire.Of(confirm.Suspect), confirm.HeldBySuspect);

    public ConfirmReportId ToDomain() => new(Batch, Suspect.ToDomain(), HeldBySuspect);
}
