using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Agreements;

/// <summary>Asks an agreement for its current state (answered with an <see cref="AgreementReply"/>).</summary>
public sealed record GetAgreement(AgreementId AgreementId) : Serialization.ILedgerMessage;
