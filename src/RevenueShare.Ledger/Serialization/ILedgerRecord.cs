namespace RevenueShare.Ledger.Serialization;

/// <summary>Marks what the ledger's own actors persist (besides agreement events), so the serializer binding catches it.</summary>
public interface ILedgerRecord;
