using System.IO.Compression;
using System.Text.Json.Nodes;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Tests.Crash;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;
using Xunit.Abstractions;
using static RevenueShare.Server.Tests.EndToEnd.Harness.LedgerUnderTest;

namespace RevenueShare.Server.Tests.Cli;

/// <summary>
/// <c>revshare backup</c> while the service books figures, <c>revshare restore</c> of the archive into
/// another folder, and the service started there: it holds the ledger as it stood at the backup — every
/// batch acknowledged before the backup began, each agreement's events up to some point and nothing half
/// booked — equal to a clean ledger given exactly those reports. A damaged archive restores nothing.
/// </summary>
public sealed class BackupRestoreCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_backup_taken_while_figures_are_booked_restores_to_the_ledger_as_it_stood_at_the_backup()
    {
        using var work = new TempDirectory();
        var archive = Path.Combine(work.Path, "ledger.zip");
        var batches = default(IReadOnlyList<JsonObject[]>)!;
        FigureTraffic traffic;
        int acknowledgedBefore, acknowledgedAfter;
        await using (var source = await LedgerUnderTest.StartAsync())
        {
            traffic = await FigureTraffic.CreateAgreementsAsync(source, agreements: 3, enterprises: 4);
            batches = traffic.Batches();
            var tax = await source.TokenAsync(Tax);
            var acknowledged = 0;
            var underWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writer = Task.Run(async () =>
            {
                foreach (var batch in batches)
                {
                    using var response = await source.Server.Client.SendAsync(FigureTraffic.BatchRequest(batch, tax));
                    Assert.All(await FigureTraffic.StatusesAsync(response), s => Assert.Equal("booked", s.Value));
                    if (Interlocked.Increment(ref acknowledged) == 3)
                    {
                        underWay.TrySetResult();
                    }
                }
            });
            await underWay.Task;
            acknowledgedBefore = Volatile.Read(ref acknowledged);
            var (code, _, stderr) = await Revshare.RunAsync("backup", "--data", source.Store.DataDirectory, "--out", archive);
            acknowledgedAfter = Volatile.Read(ref acknowledged);
            await writer;
            Assert.True(code == ExitCodes.Ok, stderr);
            output.WriteLine($"backup began after {acknowledgedBefore} of {batches.Count} batches were acknowledged and ended after {acknowledgedAfter}");
        }

        var restoredFolder = Path.Combine(work.Path, "restored");
        var restoring = await Revshare.RunAsync("restore", "--from", archive, "--data", restoredFolder);
        Assert.True(restoring.Code == ExitCodes.Ok, restoring.Stderr);
        var verified = await Revshare.RunAsync("verify", "--data", restoredFolder);
        Assert.True(verified.Code == ExitCodes.Ok, verified.Stdout + verified.Stderr);

        await using var restored = await LedgerUnderTest.StartAsync(StoreOptions.Sqlite(restoredFolder));
        var entries = await FigureTraffic.EntriesAsync(restored.Server.Client, await restored.TokenAsync(Finance));
        var booked = FigureTraffic.AgreementsByReport(entries);

        // Each batch is one event per agreement: the restored ledger holds it whole or not at all, and an
        // agreement's events are there up to some point of its journal, none after a gap.
        var held = new bool[batches.Count, traffic.Agreements.Count];
        for (var a = 0; a < traffic.Agreements.Count; a++)
        {
            for (var b = 0; b < batches.Count; b++)
            {
                var reports = PartOf(batches[b], traffic, a).Select(r => (string)r["reportId"]!).ToArray();
                var present = reports.Count(booked.ContainsKey);
                Assert.True(present == 0 || present == reports.Length, $"batch {b} of {traffic.Agreements[a]}: {present} of {reports.Length} reports restored");
                held[b, a] = present > 0;
                Assert.True(b < acknowledgedBefore ? held[b, a] : b == 0 || held[b - 1, a] || !held[b, a], $"batch {b} of {traffic.Agreements[a]}: restored {held[b, a]}");
            }
        }

        Assert.Equal(await CleanRunAsync(traffic, batches, held), entries);
    }

    [Fact]
    public async Task An_archive_with_a_changed_byte_is_refused_and_restores_nothing()
    {
        using var store = await GoldenStore.CopyAsync();
        using var work = new TempDirectory();
        var archive = Path.Combine(work.Path, "golden.zip");
        Assert.Equal(ExitCodes.Ok, (await Revshare.RunAsync("backup", "--data", store.Path, "--out", archive)).Code);
        using (var zip = ZipFile.Open(archive, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry(StoreOptions.JournalFileName)!;
            using var bytes = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(bytes);
            }

            var changed = bytes.ToArray();
            changed[changed.Length / 2] ^= 0x01;
            entry.Delete();
            using var replaced = zip.CreateEntry(StoreOptions.JournalFileName).Open();
            replaced.Write(changed);
        }

        var target = Path.Combine(work.Path, "restored");
        var (code, _, stderr) = await Revshare.RunAsync("restore", "--from", archive, "--data", target);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("journal.db in the archive (196608 bytes, SHA-256 ", stderr, StringComparison.Ordinal);
        Assert.Contains("the archive is damaged; nothing was restored.", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_is_refused_unless_forced_and_forced_its_store_is_replaced_whole()
    {
        using var store = await GoldenStore.CopyAsync();
        using var work = new TempDirectory();
        var archive = Path.Combine(work.Path, "golden.zip");
        Assert.Equal(ExitCodes.Ok, (await Revshare.RunAsync("backup", "--data", store.Path, "--out", archive)).Code);
        var target = Path.Combine(work.Path, "occupied");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "notes.txt"), "kept");
        await File.WriteAllTextAsync(Path.Combine(target, "journal.db"), "another store's journal");
        await File.WriteAllTextAsync(Path.Combine(target, "journal.db-wal"), "its write-ahead log");

        var refused = await Revshare.RunAsync("restore", "--from", archive, "--data", target);
        Assert.Equal(ExitCodes.Failed, refused.Code);
        Assert.Contains("is not empty; restore into an empty folder, or give --force", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal("another store's journal", await File.ReadAllTextAsync(Path.Combine(target, "journal.db")));

        var forced = await Revshare.RunAsync("restore", "--from", archive, "--data", target, "--force");
        Assert.True(forced.Code == ExitCodes.Ok, forced.Stderr);
        Assert.Equal(["journal.db", "notes.txt", "read.db", "snapshots.db"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var verified = await Revshare.RunAsync("verify", "--data", target);
        Assert.True(verified.Code == ExitCodes.Ok, verified.Stdout);
        Assert.StartsWith(GoldenStore.Size, verified.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_needs_a_store_to_copy_and_a_new_file_to_write()
    {
        using var work = new TempDirectory();
        var (code, _, stderr) = await Revshare.RunAsync("backup", "--data", work.Path, "--out", Path.Combine(work.Path, "x.zip"));
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("holds no RevenueShare store: read.db, snapshots.db, journal.db missing", stderr, StringComparison.Ordinal);

        var existing = Path.Combine(work.Path, "exists.zip");
        await File.WriteAllTextAsync(existing, "an older backup");
        (code, _, stderr) = await Revshare.RunAsync("backup", "--data", work.Path, "--out", existing);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("exists already; name a new file", stderr, StringComparison.Ordinal);
        Assert.Equal("an older backup", await File.ReadAllTextAsync(existing));
    }

    /// <summary>The reports of one agreement's enterprises in a batch.</summary>
    private static IEnumerable<JsonObject> PartOf(JsonObject[] batch, FigureTraffic traffic, int agreement) =>
        batch.Where(r => traffic.Enterprises[agreement].Contains((string)r["enterprise"]!));

    /// <summary>A fresh ledger with the same agreements, given in the same order exactly the parts of the batches the restored one holds.</summary>
    private static async Task<IReadOnlyList<string>> CleanRunAsync(FigureTraffic restored, IReadOnlyList<JsonObject[]> batches, bool[,] held)
    {
        await using var clean = await LedgerUnderTest.StartAsync();
        var traffic = await FigureTraffic.CreateAgreementsAsync(clean, restored.Agreements.Count, restored.Enterprises[0].Count);
        Assert.Equal(restored.Agreements, traffic.Agreements);
        var tax = await clean.TokenAsync(Tax);
        for (var b = 0; b < batches.Count; b++)
        {
            JsonObject[] part = [.. Enumerable.Range(0, traffic.Agreements.Count).Where(a => held[b, a]).SelectMany(a => PartOf(batches[b], traffic, a))];
            if (part.Length > 0)
            {
                using var response = await clean.Server.Client.SendAsync(FigureTraffic.BatchRequest(part, tax));
                Assert.All(await FigureTraffic.StatusesAsync(response), s => Assert.Equal("booked", s.Value));
            }
        }

        return await FigureTraffic.EntriesAsync(clean.Server.Client, await clean.TokenAsync(Finance));
    }
}
