using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Tests.EndToEnd.Harness;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Golden;

/// <summary>
/// An upgrade (docs/operations.md, Upgrade and rollback): the whole store an earlier release left
/// behind opens with this release. The store is the golden journal and its snapshots, which release
/// ec704c5 wrote, with the read database it projected them into (read schema 3) and a finance token it
/// issued, kept in <c>Golden/store-2026-12-01/</c> as its README says. The read side migrates itself (rebuilt from
/// the journal), the journal replays into the golden answers byte for byte, the token still works, the
/// health probe names the new versions, and <c>revshare verify</c> finds the store whole. The folder
/// never changes; each release that changes a stored format adds the store it leaves beside it.
/// </summary>
public sealed class UpgradeTests
{
    private const long EarlierReadSchema = 3;

    private static string Folder => GoldenJournalTests.GoldenFolder("store-2026-12-01");

    [Fact]
    public async Task The_store_an_earlier_release_left_opens_migrates_its_read_side_and_gives_the_golden_answers()
    {
        using var store = new TempDirectory();
        File.Copy(Path.Combine(GoldenJournalTests.Folder, "journal.db"), Path.Combine(store.Path, "journal.db"));
        File.Copy(Path.Combine(GoldenJournalTests.Folder, "snapshots.db"), Path.Combine(store.Path, "snapshots.db"));
        File.Copy(Path.Combine(Folder, StoreOptions.ReadFileName), Path.Combine(store.Path, StoreOptions.ReadFileName));

        var readFile = Path.Combine(store.Path, StoreOptions.ReadFileName);
        Assert.Equal(EarlierReadSchema, await StoredReadSchemaAsync(readFile));
        var earlierToken = (await File.ReadAllTextAsync(Path.Combine(Folder, "finance.token"))).Trim();

        await using (var ledger = await LedgerUnderTest.StartAsync(StoreOptions.Sqlite(store.Path)))
        {
            await GoldenJournalTests.AssertAnswersAsync(ledger, GoldenJournalTests.Folder);

            var whoAmI = await ledger.SendWithTokenAsync(HttpMethod.Get, "/api/whoami", earlierToken);
            Assert.Equal(HttpStatusCode.OK, whoAmI.StatusCode);
            Assert.Contains("\"principal\":\"finance\"", await whoAmI.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var ready = JsonDocument.Parse(await ledger.Server.Client.GetStringAsync("/health/ready"));
            var versions = ready.RootElement.GetProperty("versions");
            Assert.Equal(ProductVersion.Current, versions.GetProperty("product").GetString());
            Assert.Equal(ReadSchema.Version, versions.GetProperty("readSchema").GetInt64());
            Assert.Contains(versions.GetProperty("journal").EnumerateArray(), m => m.GetString() == "sealed-event.v1");
            var readCheck = ready.RootElement.GetProperty("checks")[0];
            Assert.Equal($"The sqlite read database answers, at read schema {ReadSchema.Version}.", readCheck.GetProperty("detail").GetString());
        }

        Assert.Equal(ReadSchema.Version, await StoredReadSchemaAsync(readFile));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var verified = await RevshareCli.RunAsync(["verify", "--data", store.Path, "--contracts", TestReference.ContractsDirectory], stdout, stderr);
        Assert.True(verified == ExitCodes.Ok, stdout + "\n" + stderr);
    }

    private static async Task<long?> StoredReadSchemaAsync(string readFile)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = readFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return await ReadSchema.StoredVersionAsync(connection, null, CancellationToken.None);
    }
}
