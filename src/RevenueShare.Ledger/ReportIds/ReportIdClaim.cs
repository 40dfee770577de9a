using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.ReportIds;

/// <summary>
/// The registry's answer for one report of a batch: it may go to <see cref="Agreement"/>, or it is
/// refused because the reportId belongs to <see cref="HeldBy"/> (booked there, or being booked there
/// by a batch in flight).
/// </summary>
public sealed record ReportIdClaim(string ReportId, AgreementId Agreement, AgreementId? HeldBy, bool InFlight) : Serialization.ILedgerMessage;
