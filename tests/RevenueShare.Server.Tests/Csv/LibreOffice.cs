using System.Diagnostics;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Csv;

/// <summary>
/// A real spreadsheet engine: Debian's LibreOffice, headless (<c>.ci/run</c> installs
/// <c>libreoffice-calc-nogui</c>), at <c>/usr/bin/soffice</c> or where <c>REVSHARE_SOFFICE</c> says. It opens
/// files as an office would (CSV as UTF-8, comma-separated, formulas evaluated, as LibreOffice's import
/// does by default) and saves what it read as .xlsx. One run converts every file: the engine takes seconds
/// to start.
/// </summary>
internal static class LibreOffice
{
    private static string Soffice => Environment.GetEnvironmentVariable("REVSHARE_SOFFICE") ?? "/usr/bin/soffice";

    /// <summary>Converts <paramref name="files"/> to .xlsx in one soffice run; the paths of the results, in order.</summary>
    public static async Task<IReadOnlyList<string>> ConvertToXlsxAsync(string folder, params string[] files)
    {
        Assert.True(
            File.Exists(Soffice),
            $"LibreOffice is not installed at {Soffice}: .ci/run installs it (apt-get install libreoffice-calc-nogui); REVSHARE_SOFFICE names another soffice.");
        using var home = new TempDirectory();
        var output = Path.Combine(folder, "converted");
        var start = new ProcessStartInfo(Soffice)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["HOME"] = home.Path },
        };
        foreach (var argument in new[]
        {
            // A profile of its own: soffice needs a writable one, and would hand the work to another running instance sharing it.
            $"-env:UserInstallation=file://{home.Path}/profile", "--headless", "--norestore",
            // Comma, double quote, UTF-8 (76), from line 1: how Excel in China opens our CSV with its BOM. Workbooks ignore it.
            "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", output,
        }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var converted = files.Select(f => Path.Combine(output, Path.GetFileNameWithoutExtension(f) + ".xlsx")).ToArray();
        Assert.True(
            process.ExitCode == 0 && converted.All(File.Exists),
            $"soffice exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return converted;
    }
}
