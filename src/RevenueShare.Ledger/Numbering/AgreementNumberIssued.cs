using RevenueShare.Ledger.Serialization;

namespace RevenueShare.Ledger.Numbering;

/// <summary>Agreement number <see cref="Number"/> of <see cref="Year"/> was given out (GZ-2026-0001).</summary>
public sealed record AgreementNumberIssued(int Year, int Number) : ILedgerRecord;
