namespace RevenueShare.Ledger.Storage;

/// <summary>
/// A backup, restore or verification that cannot go ahead: no store where one was named, a folder that
/// is not empty, an archive that is damaged or of a format this version does not read. Nothing was
/// changed; the message says why, for an operator.
/// </summary>
public sealed class StoreBackupException(string message) : Exception(message);
