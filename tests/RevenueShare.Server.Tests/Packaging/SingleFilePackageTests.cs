using System.Diagnostics;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Packaging;

/// <summary>
/// The linux-x64 package (issue 13, item 7): <c>dotnet publish</c> self-contained as one executable,
/// with the pages' files and the contracts beside it, run from an empty folder on a machine that needs
/// no .NET installed for it.
/// </summary>
[Collection(PackagingTestGroup.Name)]
public sealed class SingleFilePackageTests(PublishedPackages packages) : IDisposable
{
    private readonly TempDirectory empty = new();

    public void Dispose() => empty.Dispose();

    [Fact]
    public async Task The_package_is_one_x64_executable_with_its_native_libraries_the_pages_and_the_contracts_beside_it()
    {
        var folder = await packages.FolderAsync(PublishedPackages.X64);

        Assert.Equal(ElfHeader.X86_64, ElfHeader.Machine(Path.Combine(folder, "revshare")));
        Assert.All(Directory.GetFiles(folder, "*.so"), library => Assert.Equal(ElfHeader.X86_64, ElfHeader.Machine(library)));

        // Every assembly is in the bundle; no documentation file ships.
        Assert.Empty(Directory.GetFiles(folder, "*.dll"));
        Assert.Empty(Directory.GetFiles(folder, "*.xml"));
        Assert.True(File.Exists(Path.Combine(folder, "wwwroot", "favicon.svg")));
        foreach (var file in new[] { "catalogues/districts.json", "catalogues/indicators.json", "schemas/agreement.schema.json", "examples/figures/tax-2025.json" })
        {
            Assert.Equal(
                await File.ReadAllTextAsync(Path.Combine(TestReference.ContractsDirectory, file)),
                await File.ReadAllTextAsync(Path.Combine(folder, "contracts", file)));
        }
    }

    [Fact]
    public async Task The_executable_prints_the_version_of_the_build_it_came_from()
    {
        var folder = await packages.FolderAsync(PublishedPackages.X64);
        var start = new ProcessStartInfo(Path.Combine(folder, "revshare")) { WorkingDirectory = empty.Path };
        start.ArgumentList.Add("--version");

        var (exit, stdout) = await VersionRun.RunAsync(start);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(VersionAction.Text, stdout);
    }

    [Fact]
    public async Task Started_from_an_empty_folder_it_serves_the_demo_answers_a_token_and_stops_on_SIGTERM()
    {
        var folder = await packages.FolderAsync(PublishedPackages.X64);
        var start = new ProcessStartInfo(Path.Combine(folder, "revshare")) { WorkingDirectory = empty.Path };
        foreach (var argument in new[] { "serve", "--demo", "--urls", "http://127.0.0.1:0", "--metrics", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        await PackagedDemo.RunAsync(start, startWithin: TimeSpan.FromSeconds(90));
    }
}
