using NodaTime;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// One review decision on a month of one family of an agreement (<c>review_history</c>): its sequence
/// number in the agreement's journal, <see cref="Decision"/> <c>approve</c>, <c>dispute</c> or
/// <c>reopen</c>, and the reason, instant and office. <see cref="Family"/> is <c>tax</c> or <c>statistics</c>.
/// </summary>
public sealed record ReviewDecisionRow(string Agreement, YearMonth Month, string Family, long SequenceNr, string Decision, string? Reason, string At, string By);
