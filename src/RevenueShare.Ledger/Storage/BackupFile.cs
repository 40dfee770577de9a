namespace RevenueShare.Ledger.Storage;

/// <summary>One file of a backup archive as its manifest lists it: its name, its length in bytes and the SHA-256 of its bytes (lower-case hex).</summary>
public sealed record BackupFile(string Name, long Bytes, string Sha256);
