using System.Diagnostics;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Cli;
using RevenueShare.Server.Tests.Crash;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Configuration;

/// <summary>
/// <c>revshare serve --config FILE</c> as a process of its own, with <c>REVSHARE__</c> variables in
/// its environment: the file is read, a variable overrides it, and a variable that names no option
/// stops the start with a sentence.
/// </summary>
public sealed class ConfigurationProcessTests : IDisposable
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Serve_reads_its_configuration_file_and_an_environment_variable_overrides_it()
    {
        var data = Path.Combine(directory.Path, "store");
        var file = Path.Combine(directory.Path, "revshare.json");
        await File.WriteAllTextAsync(file, $$"""
            {
              "Store": { "Data": "{{data}}" },
              "Contracts": "{{TestReference.ContractsDirectory}}",
              "Http": { "Urls": "http://127.0.0.1:0", "MetricsUrls": "off" }
            }
            """);
        var start = ServeProcess.Revshare(["serve", "--config", file]);
        start.Environment["REVSHARE__Http__MetricsUrls"] = "http://127.0.0.1:0";

        await using var serve = await ServeProcess.StartAsync(start, Within);
        var metricsLine = await serve.LineAsync(line => line.StartsWith("Metrics for Prometheus on ", StringComparison.Ordinal), Within);
        using var live = await serve.Client.GetAsync("/health/live");
        using var scraper = new HttpClient();
        var metrics = await scraper.GetStringAsync(metricsLine["Metrics for Prometheus on ".Length..].Trim());

        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("revshare_read_side_lag_seconds", metrics, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, StoreOptions.JournalFileName)), serve.Output);
        Assert.Equal(0, await serve.StopAsync(Within));
    }

    [Fact]
    public async Task A_variable_that_names_no_option_stops_the_start_with_its_name()
    {
        var start = ServeProcess.Revshare(["serve", "--data", directory.Path, "--contracts", TestReference.ContractsDirectory]);
        start.Environment["REVSHARE__Http__Url"] = "http://127.0.0.1:0";
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Within);

        Assert.Equal(ExitCodes.Usage, process.ExitCode);
        Assert.Equal(string.Empty, await stdout);
        Assert.Equal(
            "revshare: the configuration cannot be used:\n  Http:Url (from REVSHARE__Http__Url) is not an option of revshare (the options: docs/operations.md, Configuration).\n",
            (await stderr).ReplaceLineEndings("\n"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(directory.Path));
    }
}
