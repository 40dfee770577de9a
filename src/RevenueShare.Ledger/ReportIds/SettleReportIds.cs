using System.Collections.Immutable;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.ReportIds;

/// <summary>A batch is over: its reservations are released, and what it booked (or may have) is kept. Not answered.</summary>
public sealed record SettleReportIds(long Batch, ImmutableArray<string> Claimed, ImmutableArray<(string ReportId, AgreementId Agreement)> Kept) : Serialization.ILedgerMessage;
