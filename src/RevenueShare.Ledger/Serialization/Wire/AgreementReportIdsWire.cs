using System.Collections.Immutable;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.ReportIds;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of reportIds reserved for one agreement (in <c>report-ids-reserved.v1</c> and the desk's snapshot).</summary>
public sealed record AgreementReportIdsWire(string Agreement, ImmutableArray<string> ReportIds)
{
    public static AgreementReportIdsWire Of(AgreementReportIds reserved) => new(reserved.Agreement.Value, reserved.ReportIds);

    public static ImmutableArray<AgreementReportIdsWire> Of(ImmutableArray<AgreementReportIds> reserved) => [.. reserved.Select(Of)];

    public AgreementReportIds ToDomain() => new(AgreementId.Parse(Agreement), ReportIds.IsDefault ? [] : ReportIds);

    public static ImmutableArray<AgreementReportIds> ToDomain(ImmutableArray<AgreementReportIdsWire> reserved) =>
        reserved.IsDefault ? [] : [.. reserved.Select(r => r.ToDomain())];
}
