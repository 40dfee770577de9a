using System.CommandLine;
using System.Data.Common;
using NodaTime;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Configuration;

namespace RevenueShare.Server.Cli;

/// <summary>
/// The <c>revshare</c> command line. Output goes to the writers given, so tests run commands in
/// process; stdout carries only what a script consumes (a new token, a listing), diagnostics go
/// to stderr.
/// </summary>
public static class RevshareCli
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, SystemClock.Instance);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IClock clock)
    {
        var store = new StoreArguments();
        var root = new RootCommand("RevenueShare: the Guangzhou district revenue-sharing ledger.");
        root.Subcommands.Add(ServeCommand.Create(store, stdout));
        root.Subcommands.Add(TokensCommand.Create(store, stdout, stderr, clock));
        root.Subcommands.Add(ImportCommand.Create(stdout, stderr));
        root.Subcommands.Add(ExportCommand.Create(stdout, stderr));
        root.Subcommands.Add(BackupCommand.Create(store, stderr, clock));
        root.Subcommands.Add(RestoreCommand.Create(store, stderr));
        root.Subcommands.Add(VerifyCommand.Create(store, stdout));
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction(stdout);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync("revshare: " + error.Message);
            }

            await stderr.WriteLineAsync("Try 'revshare --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,

                // The web host handles Ctrl+C and SIGTERM itself (graceful shutdown).
                ProcessTerminationTimeout = null,
            });
        }
        catch (InvalidConfigurationException e)
        {
            await stderr.WriteLineAsync("revshare: the configuration cannot be used:");
            foreach (var problem in e.Problems)
            {
                await stderr.WriteLineAsync("  " + problem);
            }

            return ExitCodes.Usage;
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync("revshare: " + e.Message);
            return ExitCodes.Usage;
        }
        catch (HttpRequestException e)
        {
            await stderr.WriteLineAsync("revshare: the server could not be reached: " + e.Message);
            return ExitCodes.Failed;
        }
        catch (StoreBackupException e)
        {
            await stderr.WriteLineAsync("revshare: " + e.Message);
            return ExitCodes.Failed;
        }
        catch (DbException e)
        {
            await stderr.WriteLineAsync("revshare: the store failed: " + e.Message);
            return ExitCodes.Failed;
        }
    }
}
