using System.Collections.Immutable;

namespace RevenueShare.Ledger.ReportIds;

/// <summary>
/// The <see cref="ReportIdDesk"/> gave these reportIds to these agreements for a batch in flight,
/// persisted before the batch hears of it, so that a desk taking over on another node holds them too.
/// </summary>
public sealed record ReportIdsReserved(ImmutableArray<AgreementReportIds> Reservations) : Serialization.ILedgerRecord;
