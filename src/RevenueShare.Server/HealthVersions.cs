using RevenueShare.Ledger.Storage;

namespace RevenueShare.Server;

/// <summary>
/// The versions the health probes answer with: the product's, and the stored formats this release keeps
/// its store in (<see cref="StoreFormats"/>): the read schema, the manifests the journal is written in,
/// the backup format. When ready answers 200 the store is at them: the start migrated the read side and
/// the read database check finds its schema.
/// </summary>
public sealed record HealthVersions(string Product, long ReadSchema, IReadOnlyList<string> Journal, int Backup)
{
    public static HealthVersions Current { get; } =
        new(ProductVersion.Current, StoreFormats.ReadSchemaVersion, StoreFormats.JournalWrites, StoreFormats.BackupVersion);
}
