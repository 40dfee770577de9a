using System.Text.RegularExpressions;
using System.Xml.Linq;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Cli;

/// <summary>
/// <c>revshare --version</c>, run in process: the product's version, set once in Directory.Build.props,
/// then the stored formats of this release, which an operator compares before an upgrade or a rollback.
/// </summary>
public sealed partial class VersionCommandTests
{
    [Fact]
    public async Task It_prints_the_name_and_the_version_of_Directory_Build_props_with_the_commit_if_any()
    {
        var version = XDocument.Load(Path.Combine(TestReference.RepositoryDirectory, "Directory.Build.props"))
            .Descendants("Version").Single().Value;

        var (exit, stdout, stderr) = await Revshare.RunAsync("--version");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(string.Empty, stderr);
        var lines = stdout.Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Equal(string.Empty, lines[4]);
        Assert.Matches(VersionLine(), lines[0]);
        Assert.StartsWith($"revshare {version}", lines[0], StringComparison.Ordinal);
        Assert.Equal($"read schema {ReadSchema.Version}, backup format {BackupManifest.CurrentVersion}", lines[1]);
    }

    /// <summary>What the journal gets from this release, and what it still reads of the earlier ones.</summary>
    [Fact]
    public async Task It_names_the_manifests_the_journal_is_written_in_and_those_only_read()
    {
        var (_, stdout, _) = await Revshare.RunAsync("--version");
        var lines = stdout.Split('\n');

        var writes = lines[2].Split(' ');
        Assert.Equal(["journal", "writes"], writes[..2]);
        Assert.Contains("sealed-event.v1", writes);
        Assert.Contains("agreement-snapshot.v5", writes);
        Assert.Contains("agreement-created.v3", writes);
        Assert.Contains("factors-reported.v1", writes);
        Assert.Contains("history-reported.v1", writes);
        Assert.Contains("history-certified.v1", writes);
        Assert.Contains("figures-booked.v2", writes);
        Assert.DoesNotContain("figures-booked.v1", writes);

        var readsOnly = lines[3].Split(' ');
        Assert.Equal(["journal", "also", "reads"], readsOnly[..3]);
        Assert.Equal(["agreement-created.v1", "agreement-created.v2", "agreement-snapshot.v2", "agreement-snapshot.v3", "agreement-snapshot.v4", "amendment-proposed.v1", "draft-edited.v1", "draft-edited.v2", "figures-booked.v1", "month-reviewed.v1"], readsOnly[3..]);
    }

    /// <summary>The name, a semantic version, and after '+' a full git commit when built in a checkout.</summary>
    [GeneratedRegex(@"\Arevshare [0-9]+\.[0-9]+\.[0-9]+(\+[0-9a-f]{40})?\z")]
    private static partial Regex VersionLine();
}
