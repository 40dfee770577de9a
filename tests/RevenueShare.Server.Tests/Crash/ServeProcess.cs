using System.Diagnostics;
using System.Text;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Crash;

/// <summary>
/// <c>revshare serve</c> as a process of its own — the <c>revshare.dll</c> the project reference builds
/// beside the tests, run by <c>dotnet</c> on a SQLite folder at a free loopback port — so a test can
/// kill it as a crash would (SIGKILL: no shutdown, no flush) and start it again on the same data.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly StringBuilder output;
    private readonly StringBuilder logs;

    private ServeProcess(Process process, StringBuilder output, StringBuilder logs, Uri address)
    {
        this.process = process;
        this.output = output;
        this.logs = logs;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) };
    }

    public HttpClient Client { get; }

    /// <summary>What the process wrote on stdout and stderr, for a failing assertion's message.</summary>
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

    /// <summary>What the process wrote on stderr alone: its log lines.</summary>
    public string Logs
    {
        get
        {
            lock (logs)
            {
                return logs.ToString();
            }
        }
    }

    /// <summary>Starts the service on <paramref name="dataDirectory"/> and waits until it says where it listens.</summary>
    public static Task<ServeProcess> StartAsync(string dataDirectory) => StartAsync(["--data", dataDirectory]);

    /// <summary>Starts <c>revshare serve</c> with <paramref name="arguments"/> (the store's, a cluster's) and waits until it says where it listens.</summary>
    public static async Task<ServeProcess> StartAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "revshare.dll"), "serve", "--urls", "http://127.0.0.1:0", "--metrics", "http://127.0.0.1:0", "--contracts", TestReference.ContractsDirectory }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Received(line.Data, output, listening);
        var logs = new StringBuilder();
        process.ErrorDataReceived += (_, line) =>
        {
            Received(line.Data, output, null);
            Received(line.Data, logs, null);
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("revshare serve exited before it listened."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new ServeProcess(process, output, logs, await listening.Task.WaitAsync(StartTimeout));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            Kill(process);
            throw new InvalidOperationException($"revshare serve did not start: {e.Message}\n{output}", e);
        }
    }

    /// <summary>SIGTERM, as an operator's stop (systemd's): the service shuts down in order and exits.</summary>
    public async Task StopAsync(TimeSpan within)
    {
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(within);
    }

    /// <summary>SIGKILL, as a crash: nothing of the process runs after it.</summary>
    public async Task KillAsync()
    {
        Kill(process);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await KillAsync();
        process.Dispose();
    }

    private static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static void Received(string? line, StringBuilder output, TaskCompletionSource<Uri>? listening)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        const string Listening = "RevenueShare is listening on ";
        if (listening is not null && line.StartsWith(Listening, StringComparison.Ordinal))
        {
            listening.TrySetResult(new Uri(line[Listening.Length..].Split(',')[0].Trim()));
        }
    }
}
