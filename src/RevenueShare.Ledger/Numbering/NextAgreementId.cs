namespace RevenueShare.Ledger.Numbering;

/// <summary>Asks for the next agreement id of a year; answered with the <see cref="Domain.Agreements.AgreementId"/>.</summary>
public sealed record NextAgreementId(int Year) : Serialization.ILedgerMessage;
