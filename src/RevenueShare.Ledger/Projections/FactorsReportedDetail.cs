using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The audit trail's detail of a factor report: the report as the journal stores it and how many
/// adjustment entries it booked (the entries themselves are the allocations').
/// </summary>
public sealed record FactorsReportedDetail(FactorReportWire Report, int Entries);
