using NodaTime;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Cli;

/// <summary>
/// The backup archive's manifest is a stored format: version 1 is written byte for byte as the golden
/// file (<c>Cli/Golden/backup-manifest.v1.json</c>, never edited) and read back field by field from it;
/// another format, or another version, is refused with the reason.
/// </summary>
public sealed class BackupManifestTests
{
    private static readonly string GoldenFile = Path.Combine(
        Path.GetDirectoryName(TestReference.ContractsDirectory)!, "tests", "RevenueShare.Server.Tests", "Cli", "Golden", "backup-manifest.v1.json");

    private static readonly BackupManifest Golden = new(
        1,
        Instant.FromUtc(2026, 11, 27, 8, 30),
        [
            new BackupFile("read.db", 450560, "9def694844ccf413e1ec872b053590bc50057c652daf80d720e6d2d8a903f7b5"),
            new BackupFile("snapshots.db", 24576, "882fcf5c080819487a2e0d49ec84b548f5185668ac2a3eae832d1065a57cd65a"),
            new BackupFile("journal.db", 196608, "1e987c4632edacfc1b53a7b5ddc2358cc39e8629c88631ae257119f3255a7bdb"),
        ]);

    [Fact]
    public void A_version_1_manifest_is_written_as_the_golden_file()
    {
        Assert.Equal(File.ReadAllBytes(GoldenFile), Golden.ToJson());
    }

    [Fact]
    public void The_golden_manifest_reads_back_field_by_field()
    {
        var read = BackupManifest.Read(File.ReadAllBytes(GoldenFile));

        Assert.Equal(1, read.Version);
        Assert.Equal(Instant.FromUtc(2026, 11, 27, 8, 30), read.CreatedAt);
        Assert.Equal(Golden.Files.ToArray(), read.Files.ToArray());
    }

    [Theory]
    [InlineData("\"version\": 1", "\"version\": 2", "a backup of format version 2; this revshare reads version 1")]
    [InlineData("\"revenueshare-backup\"", "\"something-else\"", "not a RevenueShare backup (format 'something-else')")]
    [InlineData("\"createdAt\": \"2026-11-27T08:30:00Z\"", "\"createdAt\": \"yesterday\"", "manifest is damaged")]
    [InlineData("\"bytes\": 450560", "\"bytes\": \"many\"", "manifest is damaged")]
    public void A_manifest_of_another_format_or_version_or_damaged_is_refused_with_the_reason(string golden, string changed, string reason)
    {
        var text = File.ReadAllText(GoldenFile);
        Assert.Contains(golden, text, StringComparison.Ordinal);

        var refused = Assert.Throws<StoreBackupException>(() => BackupManifest.Read(System.Text.Encoding.UTF8.GetBytes(text.Replace(golden, changed, StringComparison.Ordinal))));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }
}
