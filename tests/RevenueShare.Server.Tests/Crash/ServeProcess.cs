using System.Diagnostics;
using System.Globalization;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Crash;

/// <summary>
/// <c>revshare serve</c> as a process of its own, at a free loopback port — by default the
/// <c>revshare.dll</c> the project reference builds beside the tests, run by <c>dotnet</c> on a SQLite
/// folder; or any program that runs it (a published package's executable, an emulator running one) — so
/// a test can stop it as an operator would (SIGTERM), kill it as a crash would (SIGKILL: no shutdown,
/// no flush) and start it again on the same data.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly List<(string Text, bool Stdout)> lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Line)> awaited = [];
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process)
    {
        this.process = process;
    }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>What the process wrote on stdout and stderr, for a failing assertion's message.</summary>
    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines.Select(line => line.Text));
            }
        }
    }

    /// <summary>What the process wrote on stderr alone: its log lines.</summary>
    public string Logs
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines.Where(line => !line.Stdout).Select(line => line.Text));
            }
        }
    }

    /// <summary>Starts the service on <paramref name="dataDirectory"/> and waits until it says where it listens.</summary>
    public static Task<ServeProcess> StartAsync(string dataDirectory) => StartAsync(["--data", dataDirectory]);

    /// <summary>Starts <c>revshare serve</c> with <paramref name="arguments"/> (the store's, a cluster's) and waits until it says where it listens.</summary>
    public static Task<ServeProcess> StartAsync(IEnumerable<string> arguments) =>
        StartAsync(Revshare(["serve", "--urls", "http://127.0.0.1:0", "--metrics", "http://127.0.0.1:0", "--contracts", TestReference.ContractsDirectory, .. arguments]), StartTimeout);

    /// <summary>How to run the <c>revshare.dll</c> beside the tests with exactly <paramref name="arguments"/>.</summary>
    public static ProcessStartInfo Revshare(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet");
        foreach (var argument in arguments.Prepend(Path.Combine(AppContext.BaseDirectory, "revshare.dll")))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>
    /// Starts the program of <paramref name="start"/> (its arguments, folder and environment as given
    /// there), which must run <c>revshare serve</c>, and waits up to <paramref name="within"/> until it says where it listens.
    /// </summary>
    public static async Task<ServeProcess> StartAsync(ProcessStartInfo start, TimeSpan within)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var serve = new ServeProcess(process);
        process.OutputDataReceived += (_, line) => serve.Received(line.Data, stdout: true);
        process.ErrorDataReceived += (_, line) => serve.Received(line.Data, stdout: false);
        process.Exited += (_, _) => serve.listening.TrySetException(new InvalidOperationException("revshare serve exited before it listened."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            serve.Client = new HttpClient { BaseAddress = await serve.listening.Task.WaitAsync(within), Timeout = TimeSpan.FromSeconds(100) };
            return serve;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            Kill(process);
            throw new InvalidOperationException($"revshare serve did not start: {e.Message}\n{serve.Output}", e);
        }
    }

    /// <summary>The first line of its stdout that <paramref name="match"/> accepts, written already or within <paramref name="within"/>.</summary>
    public async Task<string> LineAsync(Func<string, bool> match, TimeSpan within)
    {
        var line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (lines)
        {
            if (lines.FirstOrDefault(written => written.Stdout && match(written.Text)) is { Text: { } written })
            {
                return written;
            }

            awaited.Add((match, line));
        }

        try
        {
            return await line.Task.WaitAsync(within);
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"revshare serve did not print the line awaited within {within}:\n{Output}", e);
        }
    }

    /// <summary>SIGTERM, as an operator's stop (systemd's): the service shuts down in order and exits; its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan within)
    {
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(within);
        return process.ExitCode;
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

    private void Received(string? line, bool stdout)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add((line, stdout));
            if (!stdout)
            {
                return;
            }

            foreach (var waiter in awaited.Where(w => w.Match(line)).ToList())
            {
                waiter.Line.TrySetResult(line);
                awaited.Remove(waiter);
            }
        }

        const string Listening = "RevenueShare is listening on ";
        if (line.StartsWith(Listening, StringComparison.Ordinal))
        {
            listening.TrySetResult(new Uri(line[Listening.Length..].Split(',')[0].Trim()));
        }
    }
}
