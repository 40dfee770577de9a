using System.Collections.Immutable;

namespace RevenueShare.Ledger.ReportIds;

/// <summary>
/// The <see cref="ReportIdDesk"/>'s snapshot: every reservation before it is settled and in the read
/// side, which a desk taking over loads; only the reservations made since the check began
/// (<see cref="Pending"/>) are not, and it holds them.
/// </summary>
public sealed record ReportIdDeskSnapshot(ImmutableArray<AgreementReportIds> Pending) : Serialization.ILedgerRecord;
