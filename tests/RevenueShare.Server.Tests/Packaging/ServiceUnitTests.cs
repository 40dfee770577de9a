using System.Diagnostics;
using System.Globalization;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Packaging;

/// <summary>
/// deploy/revshare.service, the systemd unit docs/operations.md installs: what it runs, as whom, where
/// its data is, and that systemd waits for the service's own shutdown bound before it kills; then
/// systemd's own check of the file, run on the published executable.
/// </summary>
[Collection(PackagingTestGroup.Name)]
public sealed class ServiceUnitTests(PublishedPackages packages) : IDisposable
{
    private const string InstalledExecutable = "/opt/revshare/revshare";

    private static readonly string UnitFile = Path.Combine(TestReference.RepositoryDirectory, "deploy", "revshare.service");

    private readonly TempDirectory check = new();

    public void Dispose() => check.Dispose();

    [Fact]
    public void The_unit_runs_the_installed_executable_as_its_own_user_on_its_state_directory()
    {
        var service = Section("Service");

        Assert.Equal($"{InstalledExecutable} serve --config /etc/revshare/revshare.json", service["ExecStart"]);
        Assert.Equal("revshare", service["User"]);
        Assert.Equal("revshare", service["StateDirectory"]);
        Assert.Equal("on-failure", service["Restart"]);
        Assert.Equal("SIGTERM", service["KillSignal"]);
        foreach (var hardening in new[] { "NoNewPrivileges", "ProtectHome", "PrivateTmp" })
        {
            Assert.Equal("yes", service[hardening]);
        }

        Assert.Equal("strict", service["ProtectSystem"]);
        Assert.Equal("/var/lib/revshare", service["ReadWritePaths"]);
    }

    [Fact]
    public void Systemd_waits_longer_than_the_service_takes_to_stop_before_it_kills()
    {
        var timeout = Section("Service")["TimeoutStopSec"];
        Assert.EndsWith("s", timeout, StringComparison.Ordinal);

        Assert.True(
            TimeSpan.FromSeconds(int.Parse(timeout[..^1], CultureInfo.InvariantCulture)) > ServeOptions.DefaultShutdownTimeout,
            $"TimeoutStopSec={timeout} does not exceed the service's own shutdown bound of {ServeOptions.DefaultShutdownTimeout}.");
    }

    [Fact]
    public async Task Systemd_finds_nothing_to_complain_of_in_the_unit()
    {
        // systemd-analyze checks that ExecStart's file is there and executable: the unit as installed
        // would name /opt/revshare, so the copy checked names the package just published.
        var folder = await packages.FolderAsync(PublishedPackages.X64);
        var unit = Path.Combine(check.Path, "revshare.service");
        await File.WriteAllTextAsync(unit, (await File.ReadAllTextAsync(UnitFile)).Replace(InstalledExecutable, Path.Combine(folder, "revshare"), StringComparison.Ordinal));
        var start = new ProcessStartInfo("systemd-analyze")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add(unit);

        using var verify = Process.Start(start)!;
        var stdout = verify.StandardOutput.ReadToEndAsync();
        var stderr = verify.StandardError.ReadToEndAsync();
        await verify.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var said = await stdout + await stderr;

        // It exits 0 on a key it does not know or a value it cannot parse, and says so: both count.
        Assert.True(verify.ExitCode == 0 && said.Length == 0, $"systemd-analyze verify ({verify.ExitCode}):\n{said}");
    }

    /// <summary>The settings of one [section] of the unit file (each key is set once in it).</summary>
    private static Dictionary<string, string> Section(string name)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in File.ReadLines(UnitFile).Select(line => line.Trim()))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = line[1..^1];
            }
            else if (current == name && line.Length > 0 && !line.StartsWith('#') && line.Split('=', 2) is [var key, var value])
            {
                settings.Add(key.Trim(), value.Trim());
            }
        }

        return settings;
    }
}
