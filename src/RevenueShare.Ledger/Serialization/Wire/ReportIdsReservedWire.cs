using System.Collections.Immutable;
using RevenueShare.Ledger.ReportIds;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>report-ids-reserved.v1</c>: reportIds the desk reserved for a batch in flight, by agreement.</summary>
public sealed record ReportIdsReservedWire(ImmutableArray<AgreementReportIdsWire> Reservations)
{
    public static ReportIdsReservedWire Of(ReportIdsReserved reserved) => new(AgreementReportIdsWire.Of(reserved.Reservations));

    public ReportIdsReserved ToDomain() => new(AgreementReportIdsWire.ToDomain(Reservations));
}
