using System.Collections.Immutable;
using System.Runtime.Serialization;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.ReportIds;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary><c>claim-report-ids</c> between nodes: each report's id and agreement, in the batch's order (the first of an id wins).</summary>
public sealed record ClaimReportIdsWire(ImmutableArray<string> ReportIds, ImmutableArray<string> Agreements)
{
    public static ClaimReportIdsWire Of(ClaimReportIds claim) =>
        new([.. claim.Reports.Select(r => r.ReportId)], [.. claim.Reports.Select(r => r.Agreement.Value)]);

    public ClaimReportIds ToDomain() => new(Pairs(ReportIds, Agreements));

    /// <summary>The pairs of two arrays of the same length; a message whose arrays differ is damaged.</summary>
    internal static ImmutableArray<(string ReportId, AgreementId Agreement)> Pairs(ImmutableArray<string> reportIds, ImmutableArray<string> agreements)
    {
        var ids = reportIds.IsDefault ? [] : reportIds;
        var of = agreements.IsDefault ? [] : agreements;
        return ids.Length == of.Length
            ? [.. ids.Zip(of, (reportId, agreement) => (reportId, AgreementId.Parse(agreement)))]
            : throw new SerializationException($"{ids.Length} reportIds but {of.Length} agreements.");
    }
}
