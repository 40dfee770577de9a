using System.Collections.Immutable;
using RevenueShare.Ledger.ReportIds;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>report-id-desk-snapshot.v1</c>: the reservations made since the read side was last known to hold the rest.</summary>
public sealed record ReportIdDeskSnapshotWire(ImmutableArray<AgreementReportIdsWire> Pending)
{
    public static ReportIdDeskSnapshotWire Of(ReportIdDeskSnapshot snapshot) => new(AgreementReportIdsWire.Of(snapshot.Pending));

    public ReportIdDeskSnapshot ToDomain() => new(AgreementReportIdsWire.ToDomain(Pending));
}
