using System.Text.RegularExpressions;
using System.Xml.Linq;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Cli;

/// <summary><c>revshare --version</c>, run in process: the product's version, set once in Directory.Build.props.</summary>
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
        Assert.Matches(VersionLine(), stdout);
        Assert.StartsWith($"revshare {version}", stdout, StringComparison.Ordinal);
    }

    /// <summary>The name, a semantic version, and after '+' a full git commit when built in a checkout.</summary>
    [GeneratedRegex(@"\Arevshare [0-9]+\.[0-9]+\.[0-9]+(\+[0-9a-f]{40})?\n\z")]
    private static partial Regex VersionLine();
}
