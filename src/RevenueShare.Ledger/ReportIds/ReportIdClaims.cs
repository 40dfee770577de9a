using System.Collections.Immutable;

namespace RevenueShare.Ledger.ReportIds;

/// <summary>
/// The answer to a batch's claim (<see cref="IReportIdClaims.ClaimAsync"/>): the batch's number for
/// settling it, each report's claim in the batch's order, and which of them are only suspects to
/// confirm with the agreement they name.
/// </summary>
public sealed record ReportIdClaims(long Batch, ImmutableArray<ReportIdClaim> Claims, ImmutableArray<int> Suspects) : Serialization.ILedgerMessage;
