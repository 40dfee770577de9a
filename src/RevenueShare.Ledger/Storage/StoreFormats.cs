using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Serialization;

namespace RevenueShare.Ledger.Storage;

/// <summary>
/// The stored formats of this release, in one place, for <c>revshare --version</c> and
/// <c>/health/ready</c> and the upgrade rules they serve (docs/operations.md, Upgrade and rollback):
/// the read schema it keeps the read side in, the manifests it writes into the journal and the
/// snapshots, those it reads (its own and every earlier release's), and the backup format.
/// One release can open a store another has written when it reads every manifest the other writes;
/// the read side never decides it, since any other read schema is rebuilt from the journal.
/// </summary>
public static class StoreFormats
{
    public static long ReadSchemaVersion => ReadSchema.Version;

    public static IReadOnlyList<string> JournalWrites => LedgerSerializer.WrittenManifests;

    /// <summary>The manifests read but no longer written: those only earlier releases wrote.</summary>
    public static IReadOnlyList<string> JournalReadsOnly => [.. LedgerSerializer.ReadManifests.Except(JournalWrites, StringComparer.Ordinal)];

    public static int BackupVersion => BackupManifest.CurrentVersion;
}
