using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Numbering;

/// <summary>Asks whether an agreement id was ever given out; answered with an <see cref="IssuedAnswer"/>.</summary>
public sealed record IsIssued(AgreementId AgreementId) : Serialization.ILedgerMessage;
