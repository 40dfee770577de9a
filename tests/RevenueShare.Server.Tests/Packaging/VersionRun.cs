using System.Diagnostics;

namespace RevenueShare.Server.Tests.Packaging;

/// <summary>A package's <c>revshare --version</c> run to its end: its exit code and stdout.</summary>
internal static class VersionRun
{
    /// <summary>Under emulation the runtime's start alone takes several seconds.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<(int Exit, string Stdout)> RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var errors = await stderr;
        Assert.True(errors.Length == 0, errors);
        return (process.ExitCode, await stdout);
    }
}
