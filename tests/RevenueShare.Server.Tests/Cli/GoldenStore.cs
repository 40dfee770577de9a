using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Golden;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Cli;

/// <summary>
/// A store made from the golden journal (<c>Golden/journal-2026-12/</c>: every kind of event, stored before
/// the SM3 chain; or the same history sealed, <c>Golden/journal-2026-12-sealed/</c>): its journal and
/// snapshots copied into a folder of its own and the service started on them once, so the read side is
/// projected and the tokens' table made, then stopped: a store as an operator finds it after a stop.
/// </summary>
internal static class GoldenStore
{
    /// <summary>What replaying the golden journal finds: its agreements, events, current figures and entries.</summary>
    public const string Size = "Replayed 8 agreements from 162 events: 240 current figures, 563 entries booked.";

    public static async Task<TempDirectory> CopyAsync(bool sealedJournal = false)
    {
        var folder = new TempDirectory();
        foreach (var name in new[] { StoreOptions.JournalFileName, StoreOptions.SnapshotFileName })
        {
            File.Copy(Path.Combine(sealedJournal ? GoldenJournalTests.SealedFolder : GoldenJournalTests.Folder, name), Path.Combine(folder.Path, name));
        }

        await using (await LedgerUnderTest.StartAsync(StoreOptions.Sqlite(folder.Path)))
        {
        }

        return folder;
    }
}
