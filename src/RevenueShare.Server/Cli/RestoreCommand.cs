using System.CommandLine;
using NodaTime.Text;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Server.Cli;

/// <summary><c>revshare restore --from FILE --data DIR [--force]</c>: a backup archive, every file checked against its manifest, into a store folder (<see cref="StoreBackup"/>).</summary>
internal static class RestoreCommand
{
    public static Command Create(StoreArguments store, TextWriter stderr)
    {
        var from = new Option<string>("--from")
        {
            Description = "The archive written by 'revshare backup'.",
            HelpName = "FILE",
            Required = true,
        };
        var force = new Option<bool>("--force")
        {
            Description = "Replace the store already in the folder (stop the service first).",
        };
        var command = new Command("restore", "Restore a backup archive into an empty store folder.");
        command.Options.Add(from);
        command.Options.Add(store.Config);
        command.Options.Add(store.Data);
        command.Options.Add(force);
        command.SetAction(async (result, cancellationToken) =>
        {
            var data = store.SqliteStore(result);
            var manifest = await StoreBackup.RestoreAsync(result.GetRequiredValue(from), data, result.GetValue(force), cancellationToken);
            await stderr.WriteLineAsync($"Restored the backup of {InstantPattern.ExtendedIso.Format(manifest.CreatedAt)} into {data.DataDirectory}, every file as its manifest lists it:");
            await stderr.WriteLineAsync(BackupCommand.Describe(manifest));
            return ExitCodes.Ok;
        });
        return command;
    }
}
