using System.Collections.Immutable;
using RevenueShare.Ledger.ReportIds;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>settle-report-ids</c> between nodes: a batch's claimed reportIds, and those it kept with their agreements.</summary>
public sealed record SettleReportIdsWire(long Batch, ImmutableArray<string> Claimed, ImmutableArray<string> KeptReportIds, ImmutableArray<string> KeptAgreements)
{
    public static SettleReportIdsWire Of(SettleReportIds settle) =>
        new(settle.Batch, settle.Claimed, [.. settle.Kept.Select(k => k.ReportId)], [.. settle.Kept.Select(k => k.Agreement.Value)]);

    public SettleReportIds ToDomain() => new(Batch, Claimed.IsDefault ? [] : Claimed, ClaimReportIdsWire.Pairs(KeptReportIds, KeptAgreements));
}
