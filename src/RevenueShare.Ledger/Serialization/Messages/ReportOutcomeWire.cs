using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary>What became of one report of a batch, as it travels in an agreement's answer.</summary>
public sealed record ReportOutcomeWire(string ReportId, string Status, RejectionWire? Rejection)
{
    public static ReportOutcomeWire Of(ReportOutcome outcome) =>
        new(outcome.ReportId, MessageNames.Write(outcome.Status), outcome.Rejection is null ? null : RejectionWire.Of(outcome.Rejection));

    public ReportOutcome ToDomain() => new(ReportId, MessageNames.Read<ReportStatus>(Status), Rejection?.ToDomain());
}
