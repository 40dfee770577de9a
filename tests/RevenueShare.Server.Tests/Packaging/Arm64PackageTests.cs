using RevenueShare.Server.Cli;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Packaging;

/// <summary>
/// The linux-arm64 package for the government's domestic (信创) servers, Kunpeng and Phytium (issue 13,
/// item 9): published as the x64 one is, checked to be an aarch64 build, and run on this x64 machine
/// under qemu's user-mode emulation (<see cref="Arm64Emulator"/>).
/// </summary>
[Collection(PackagingTestGroup.Name)]
public sealed class Arm64PackageTests(PublishedPackages packages) : IDisposable
{
    /// <summary>The demo loads in about 70 s under emulation on two cores, against 15 s natively.</summary>
    private static readonly TimeSpan EmulatedStart = TimeSpan.FromSeconds(180);

    private readonly TempDirectory empty = new();

    public void Dispose() => empty.Dispose();

    [Fact]
    public async Task The_package_is_an_aarch64_executable_with_aarch64_native_libraries()
    {
        var folder = await packages.FolderAsync(PublishedPackages.Arm64);

        Assert.Equal(ElfHeader.AArch64, ElfHeader.Machine(Path.Combine(folder, "revshare")));
        var libraries = Directory.GetFiles(folder, "*.so");
        Assert.Contains(libraries, library => Path.GetFileName(library) == "libe_sqlite3.so");
        Assert.All(libraries, library => Assert.Equal(ElfHeader.AArch64, ElfHeader.Machine(library)));
        Assert.True(File.Exists(Path.Combine(folder, "contracts", "catalogues", "districts.json")));
        Assert.True(File.Exists(Path.Combine(folder, "wwwroot", "favicon.svg")));
    }

    [Fact]
    public async Task Emulated_it_prints_the_version_of_the_build_it_came_from()
    {
        var folder = await packages.FolderAsync(PublishedPackages.Arm64);

        var (exit, stdout) = await VersionRun.RunAsync(Arm64Emulator.Start(Path.Combine(folder, "revshare"), empty.Path, "--version"));

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(VersionAction.Text, stdout);
    }

    [Fact]
    public async Task Emulated_from_an_empty_folder_it_serves_the_demo_answers_a_token_and_stops_on_SIGTERM()
    {
        var folder = await packages.FolderAsync(PublishedPackages.Arm64);
        var start = Arm64Emulator.Start(Path.Combine(folder, "revshare"), empty.Path, "serve", "--demo", "--urls", "http://127.0.0.1:0", "--metrics", "http://127.0.0.1:0");

        await PackagedDemo.RunAsync(start, EmulatedStart);
    }
}
