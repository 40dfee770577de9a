using RevenueShare.Ledger.Serialization;

namespace RevenueShare.Ledger.Numbering;

/// <summary>The numbering's answer to <see cref="IsIssued"/>.</summary>
public sealed record IssuedAnswer(bool Issued) : ILedgerMessage;
