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
/// <para>
/// Since the SM3 chain (docs/storage.md, Tamper evidence) the same history is stored sealed:
/// <c>Golden/journal-2026-12-sealed/</c> holds its journal and snapshots as today's code writes them,
/// and in <c>answers/</c> only the answers that differ from the first journal's, the audit trails whose
/// approved months carry their seals. The first journal, written before the chain, still gives its own answers.
/// </para>
/// <para>
/// Since formula terms (docs/allocation.md, Formula shares) the events that carry terms are written as
/// <c>agreement-created.v2</c>, <c>draft-edited.v2</c> and <c>amendment-proposed.v2</c>, and snapshots as
/// <c>agreement-snapshot.v4</c>: the same history as today's code writes it is
/// <c>Golden/journal-2026-12-v2-terms/</c>, whose answers differ from the first journal's only by the seals
/// again (a seal covers its event's manifest). The sealed journal of the first chain still gives its own answers.
/// </para>
/// <para>
/// Since history and derived amounts (docs/allocation.md, history and derived amounts) the events that
/// carry an agreement's enterprises are written as <c>agreement-created.v3</c> and <c>draft-edited.v3</c>,
/// and snapshots as <c>agreement-snapshot.v5</c>: <c>Golden/journal-2026-12-v3-terms/</c>, again the
/// same answers but for the seals.
/// </para>
/// </summary>
public sealed class GoldenJournalTests
{
    /// <summary>
    /// Set to <c>1</c> to write the golden folder of today's code when it is not there yet
    /// (the journal, its snapshots and the answers that differ); a committed folder is never written.
    /// The earlier folders were written by the code of their day, the same way.
    /// </summary>
    private const string WriteVariable = "REVSHARE_WRITE_GOLDEN";

    private static readonly System.Text.RegularExpressions.Regex Seal = new(",\"seal\":\"[0-9a-f]{64}\"", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    internal static string Folder => GoldenFolder("journal-2026-12");

    /// <summary>The same history as <see cref="Folder"/>, stored sealed by the code of the SM3 chain.</summary>
    internal static string SealedFolder => GoldenFolder("journal-2026-12-sealed");

    /// <summary>The same history as <see cref="Folder"/>, stored by today's code (the v3 manifests of terms).</summary>
    internal static string TodaysFolder => GoldenFolder("journal-2026-12-v3-terms");

    internal static string AnswersFolder => Path.Combine(Folder, "answers");

    internal static string CsvAnswersFolder => Path.Combine(Folder, "answers-csv-v2");

    public static TheoryData<string, bool> Journals()
    {
        var data = new TheoryData<string, bool>();
        foreach (var folder in new[] { "journal-2026-12", "journal-2026-12-sealed", "journal-2026-12-v2-terms", "journal-2026-12-v3-terms" })
        {
            data.Add(folder, true);
            data.Add(folder, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Journals))]
    public async Task A_golden_journal_with_or_without_its_snapshots_replays_into_its_golden_answers(string journal, bool withSnapshots)
    {
        var folder = GoldenFolder(journal);
        using var store = CopyOfGoldenStore(folder, withSnapshots);
        await using var ledger = await LedgerUnderTest.StartAsync(StoreOptions.Sqlite(store.Path));

        await AssertAnswersAsync(ledger, folder);
    }

    [Fact]
    public async Task The_golden_history_written_by_todays_code_gives_todays_golden_answers()
    {
        var writing = Environment.GetEnvironmentVariable(WriteVariable) == "1" && !Directory.Exists(TodaysFolder);
        using var store = new TempDirectory();
        await using (var ledger = await LedgerUnderTest.StartAsync(StoreOptions.Sqlite(store.Path)))
        {
            await GoldenHistory.WriteAsync(ledger);
            if (writing)
            {
                await WriteDifferingAnswersAsync(ledger, TodaysFolder);
            }

            await AssertAnswersAsync(ledger, TodaysFolder);
        }

        if (writing)
        {
            KeepStore(store.Path, TodaysFolder);
        }
    }

    /// <summary>Sealing changed what the journal stores, not what it means: take the seals out and each sealed answer is the first journal's.</summary>
    [Theory]
    [InlineData("journal-2026-12-sealed")]
    [InlineData("journal-2026-12-v2-terms")]
    [InlineData("journal-2026-12-v3-terms")]
    public void The_sealed_answers_differ_from_the_first_only_by_the_seals_of_approved_months(string journal)
    {
        var files = Directory.GetFiles(Path.Combine(GoldenFolder(journal), "answers"));
        Assert.Equal(5, files.Length);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Contains("\"decision\":\"approve\"", text, StringComparison.Ordinal);
            Assert.Equal(Seal.Count(text), text.Split("\"decision\":\"approve\"").Length - 1);
            Assert.Equal(File.ReadAllText(Path.Combine(AnswersFolder, Path.GetFileName(file))), Seal.Replace(text, string.Empty));
        }
    }

    internal static string GoldenFolder(string name) =>
        Path.Combine(Path.GetDirectoryName(TestReference.ContractsDirectory)!, "tests", "RevenueShare.Server.Tests", "Golden", name);

    private static TempDirectory CopyOfGoldenStore(string folder, bool withSnapshots)
    {
        var store = new TempDirectory();
        File.Copy(Path.Combine(folder, "journal.db"), Path.Combine(store.Path, "journal.db"));
        if (withSnapshots)
        {
            File.Copy(Path.Combine(folder, "snapshots.db"), Path.Combine(store.Path, "snapshots.db"));
        }

        return store;
    }

    /// <summary>The golden answer to <paramref name="request"/> over the journal of <paramref name="folder"/>: its own where it differs, else the first journal's.</summary>
    private static string ExpectedFile(GoldenReads.Request request, string folder) =>
        folder != Folder && File.Exists(Path.Combine(folder, "answers", request.FileName))
            ? Path.Combine(folder, "answers", request.FileName)
            : Path.Combine(request.AsksCsv ? CsvAnswersFolder : AnswersFolder, request.FileName);

    internal static async Task AssertAnswersAsync(LedgerUnderTest ledger, string folder)
    {
        var requests = GoldenReads.Requests();
        Assert.Equal(requests.Count, Directory.GetFiles(AnswersFolder).Length);
        Assert.Equal(requests.Count(r => r.AsksCsv), Directory.GetFiles(CsvAnswersFolder).Length);
        var differing = new List<string>();
        foreach (var request in requests)
        {
            var expected = await File.ReadAllBytesAsync(ExpectedFile(request, folder));
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

    private static async Task WriteDifferingAnswersAsync(LedgerUnderTest ledger, string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "answers"));
        foreach (var request in GoldenReads.Requests())
        {
            var answer = await GoldenReads.AnswerAsync(ledger, request);
            var first = await File.ReadAllBytesAsync(ExpectedFile(request, Folder));
            if (!answer.AsSpan().SequenceEqual(first))
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, "answers", request.FileName), answer);
            }
        }
    }

    /// <summary>The journal and snapshot files as single self-contained files (write-ahead log folded in).</summary>
    private static void KeepStore(string directory, string folder)
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

            File.Copy(Path.Combine(directory, name), Path.Combine(folder, name));
        }
    }
}
