using System.Diagnostics;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Packaging;

/// <summary>
/// <c>revshare</c> published as docs/operations.md tells an operator to (self-contained, one file, for a
/// runtime), at most once per test run for each runtime a test asks for, from the repository's sources
/// into a temporary folder that is removed at the end. The publish keeps its intermediate files in that
/// folder too (<c>--artifacts-path</c>), so it never writes to the obj and bin folders of the build the
/// tests run from.
/// </summary>
public sealed class PublishedPackages : IDisposable
{
    public const string X64 = "linux-x64";
    public const string Arm64 = "linux-arm64";

    /// <summary>A publish from scratch takes a minute or two on two cores; past this it is stuck.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(6);

    private readonly string root = Path.Combine(Path.GetTempPath(), "revshare-packages-" + Guid.NewGuid().ToString("N"));
    private readonly SemaphoreSlim publishing = new(1, 1);
    private readonly Dictionary<string, string> published = new(StringComparer.Ordinal);

    /// <summary>The folder a package for <paramref name="runtime"/> was published to, published now if it was not yet.</summary>
    public async Task<string> FolderAsync(string runtime)
    {
        // One publish at a time: the runtimes share the artifacts folder, where the second reuses the
        // first's build of the libraries.
        await publishing.WaitAsync();
        try
        {
            if (!published.TryGetValue(runtime, out var folder))
            {
                folder = await PublishAsync(runtime);
                published[runtime] = folder;
            }

            return folder;
        }
        finally
        {
            publishing.Release();
        }
    }

    public void Dispose()
    {
        publishing.Dispose();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task<string> PublishAsync(string runtime)
    {
        var folder = Path.Combine(root, runtime);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestReference.RepositoryDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "publish", Path.Combine(TestReference.RepositoryDirectory, "src", "RevenueShare.Server", "RevenueShare.Server.csproj"),
            "-c", "Release", "-r", runtime, "--self-contained", "-p:PublishSingleFile=true",
            "--artifacts-path", Path.Combine(root, "artifacts"), "-o", folder,

            // No MSBuild node or compiler server outlives the publish: one would keep this process's
            // pipes open, and the wait for the publish's output would never end.
            "--disable-build-servers", "-nologo",

            // The analyzers have checked these sources in the build the tests run from; skipped here
            // (source generators still run, the output is the same) the publish takes a third of the CPU.
            "-p:RunAnalyzers=false",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host may carry the MSBuild settings of the dotnet test that started it; the publish
        // is a build of its own.
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        try
        {
            await publish.WaitForExitAsync().WaitAsync(PublishTimeout);
        }
        catch (TimeoutException)
        {
            publish.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout + await stderr;
        return publish.ExitCode == 0
            ? folder
            : throw new InvalidOperationException($"dotnet publish for {runtime} failed ({publish.ExitCode}):\n{output}");
    }
}
