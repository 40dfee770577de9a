using System.Text;
using Microsoft.Data.Sqlite;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Golden;

/// <summary>
/// The golden journal (<c>Golden/journal-2026-12/</c>): SQLite journal and snapshot files written by
/// the code of December 2026 from <see cref="GoldenHistory"/>, with the answer of every read route over
/// it (<see cref="GoldenReads"/>). Whatever the code becomes, that journal must replay into the same
/// answers, byte for byte: events written once are read forever. The files never change; a new format
/// gets new golden files beside them: CSV answers are compared with <c>answers-csv-v2/</c> (names beside
/// codes, docs/decisions.md), JSON answers with <c>answers/</c>, whose CSV files stay as version 1 for
/// <see cref="CsvVersion2Tests"/>.
/// </summary>
public sealed class GoldenJournalTests
{
    /// <summary>
    /// Set to <c>1</c> to write the golden folders from today's code; only a folder not there yet is
    /// written (the journal with its answers, or the CSV answers of version 2), never one committed.
    /// </summary>
    private const string WriteVariable = "REVSHARE_WRITE_GOLDEN";

    internal static string Folder => Path.Combine(Path.GetDirectoryName(TestReference.ContractsDirectory)!, "tests", "RevenueShare.Server.Tests", "Golden", "journal-2026-12");

    internal static string AnswersFolder => Path.Combine(Folder, "answers");

    internal static string CsvAnswersFolder => Path.Combine(Folder, "answers-csv-v2");

    [Fact]
    public async Task The_golden_journal_replays_into_the_golden_answers()
    {
        using var store = CopyOfGoldenStore(withSnapshots: true);
        await using var ledger = await LedgerUnderTest.StartAsync(StoreOptions.Sqlite(store.Path));

        await AssertAnswersAsync(ledger);
    }

    [Fact]
    public async Task The_golden_journal_without_its_snapshots_replays_into_the_golden_answers()
    {
        using var store = CopyOfGoldenStore(withSnapshots: false);
        await using var ledger = await LedgerUnderTest.StartAsync(StoreOptions.Sqlite(store.Path));

        await AssertAnswersAsync(ledger);
    }

    [Fact]
    public async Task The_golden_history_written_by_todays_code_gives_the_golden_answers()
    {
        var asked = Environment.GetEnvironmentVariable(WriteVariable) == "1";
        var writing = asked && !Directory.Exists(Folder);
        var writingCsv = asked && !Directory.Exists(CsvAnswersFolder);
        using var store = new TempDirectory();
        await using (var ledger = await LedgerUnderTest.StartAsync(StoreOptions.Sqlite(store.Path)))
        {
            await GoldenHistory.WriteAsync(ledger);
            if (writing)
            {
                await WriteAnswersAsync(ledger, AnswersFolder, GoldenReads.Requests());
            }

            if (writingCsv)
            {
                await WriteAnswersAsync(ledger, CsvAnswersFolder, [.. GoldenReads.Requests().Where(r => r.AsksCsv)]);
            }

            await AssertAnswersAsync(ledger);
        }

        if (writing)
        {
            KeepStore(store.Path);
        }
    }

    private static TempDirectory CopyOfGoldenStore(bool withSnapshots)
    {
        var store = new TempDirectory();
        File.Copy(Path.Combine(Folder, "journal.db"), Path.Combine(store.Path, "journal.db"));
        if (withSnapshots)
        {
            File.Copy(Path.Combine(Folder, "snapshots.db"), Path.Combine(store.Path, "snapshots.db"));
        }

        return store;
    }

    private static async Task AssertAnswersAsync(LedgerUnderTest ledger)
    {
        var requests = GoldenReads.Requests();
        Assert.Equal(requests.Count, Directory.GetFiles(AnswersFolder).Length);
        Assert.Equal(requests.Count(r => r.AsksCsv), Directory.GetFiles(CsvAnswersFolder).Length);
        var differing = new List<string>();
        foreach (var request in requests)
        {
            var expected = await File.ReadAllBytesAsync(Path.Combine(request.AsksCsv ? CsvAnswersFolder : AnswersFolder, request.FileName));
            var actual = await GoldenReads.AnswerAsync(ledger, request);
            if (!expected.AsSpan().SequenceEqual(actual))
            {
                differing.Add($"{request.FileName}: {FirstDifference(expected, actual)}");
            }
        }

        Assert.True(differing.Count == 0, $"{differing.Count} of {requests.Count} answers differ from the golden ones:\n{string.Join("\n", differing.Take(10))}");
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        string Around(byte[] bytes) => Encoding.UTF8.GetString(bytes, Math.Max(0, at - 80), Math.Min(bytes.Length, at + 80) - Math.Max(0, at - 80));
        return $"at byte {at} (lengths {expected.Length} / {actual.Length})\n  golden: …{Around(expected)}…\n  now:    …{Around(actual)}…";
    }

    private static async Task WriteAnswersAsync(LedgerUnderTest ledger, string folder, IReadOnlyList<GoldenReads.Request> requests)
    {
        Directory.CreateDirectory(folder);
        foreach (var request in requests)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, request.FileName), await GoldenReads.AnswerAsync(ledger, request));
        }
    }

    /// <summary>The journal and snapshot files as single self-contained files (write-ahead log folded in).</summary>
    private static void KeepStore(string directory)
    {
        SqliteConnection.ClearAllPools();
        foreach (var name in new[] { "journal.db", "snapshots.db" })
        {
            using (var connection = new SqliteConnection($"Data Source={Path.Combine(directory, name)};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; VACUUM;";
                command.ExecuteNonQuery();
            }

            File.Copy(Path.Combine(directory, name), Path.Combine(Folder, name));
        }
    }
}
