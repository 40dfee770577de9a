namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// Marks what the ledger's actors send each other and never store — questions, answers, reservations —
/// so the binding of <see cref="LedgerMessageSerializer"/> catches it when it crosses nodes.
/// </summary>
public interface ILedgerMessage;
