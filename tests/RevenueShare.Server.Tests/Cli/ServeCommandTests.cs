using RevenueShare.Server.Cli;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Cli;

/// <summary><c>revshare serve</c>'s command line, run in process: what it refuses before it starts anything.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task A_read_side_bound_is_refused_for_postgresql_which_is_bounded_by_its_own_means()
    {
        var (exit, stdout, stderr) = await RunAsync("serve", "--postgres", "Host=127.0.0.1", "--read-side-max-mib", "64");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("Store:ReadSideMaxMiB (from --read-side-max-mib) bounds the embedded store's read database", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task A_read_side_bound_under_one_mib_is_refused(string mebibytes)
    {
        var (exit, _, stderr) = await RunAsync("serve", "--data", directory.Path, "--read-side-max-mib", mebibytes);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"Store:ReadSideMaxMiB (from --read-side-max-mib) '{mebibytes}' is not a whole number of 1 or more.", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory.Path));
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await RevshareCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
