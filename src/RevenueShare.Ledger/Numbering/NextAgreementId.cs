namespace RevenueShare.Ledger.Numbering;

/// <summary>Asks for the next agreement id of a year; answered with the id as a string.</summary>
public sealed record NextAgreementId(int Year);
