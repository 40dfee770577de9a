using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Observability;

/// <summary>
/// Debian's real <c>prometheus</c> (<c>.ci/run</c> installs the package; <c>REVSHARE_PROMETHEUS</c>
/// names another binary) on a loopback port with a data folder of its own, scraping one target every
/// second, and asked through its HTTP API as an operator's dashboard would ask it.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly TempDirectory directory;
    private readonly StringBuilder output;

    private PrometheusServer(Process process, TempDirectory directory, StringBuilder output, Uri address)
    {
        this.process = process;
        this.directory = directory;
        this.output = output;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    /// <summary>What Prometheus logged, for a failing assertion's message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<PrometheusServer> StartAsync(Uri target)
    {
        var directory = new TempDirectory();
        var config = Path.Combine(directory.Path, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: revshare
                metrics_path: {target.AbsolutePath}
                static_configs:
                  - targets: ['{target.Authority}']
            """);
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("REVSHARE_PROMETHEUS") ?? "/usr/bin/prometheus")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--config.file=" + config,
            "--storage.tsdb.path=" + Path.Combine(directory.Path, "data"),
            "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(output, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusServer(process, directory, output, new Uri($"http://127.0.0.1:{port}"));
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var ready = await server.Client.GetAsync("/-/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited || waited.Elapsed > StartTimeout)
            {
                var log = server.Output;
                await server.DisposeAsync();
                throw new InvalidOperationException($"prometheus did not become ready:\n{log}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The value of an instant query that must answer one series; null while it answers none.</summary>
    public async Task<decimal?> QueryAsync(string promQl)
    {
        using var answer = await Client.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(promQl));
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, $"{promQl}: {(int)answer.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        var series = document.RootElement.GetProperty("data").GetProperty("result");
        return series.GetArrayLength() switch
        {
            0 => null,
            1 => decimal.Parse(series[0].GetProperty("value")[1].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
            var n => throw new InvalidOperationException($"{promQl} answered {n} series: {series}"),
        };
    }

    /// <summary>Asks <paramref name="promQl"/> until it answers <paramref name="expected"/>, as later scrapes arrive.</summary>
    public async Task<decimal?> AwaitAsync(string promQl, decimal expected, TimeSpan within)
    {
        var waited = Stopwatch.StartNew();
        decimal? value;
        do
        {
            value = await QueryAsync(promQl);
            if (value == expected)
            {
                return value;
            }

            await Task.Delay(250);
        }
        while (waited.Elapsed < within);
        return value;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        directory.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
