using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Server.Cli;

/// <summary><c>revshare backup --data DIR --out FILE</c>: a consistent copy of the embedded store, taken while it serves (<see cref="StoreBackup"/>).</summary>
internal static class BackupCommand
{
    public static Command Create(StoreArguments store, TextWriter stderr, IClock clock)
    {
        var output = new Option<string>("--out")
        {
            Description = "The archive to write; it must not exist.",
            HelpName = "FILE",
            Required = true,
        };
        var command = new Command("backup", "Copy the embedded store into one archive file, consistently, while the service serves.");
        command.Options.Add(store.Config);
        command.Options.Add(store.Data);
        command.Options.Add(output);
        command.SetAction(async (result, cancellationToken) =>
        {
            var data = store.SqliteStore(result);
            var archive = result.GetRequiredValue(output);
            var manifest = await StoreBackup.CreateAsync(data, archive, clock.GetCurrentInstant(), cancellationToken);
            await stderr.WriteLineAsync($"Backed up {data.DataDirectory} to {Path.GetFullPath(archive)} at {InstantPattern.ExtendedIso.Format(manifest.CreatedAt)} (backup format {manifest.Version}):");
            await stderr.WriteLineAsync(Describe(manifest));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One line per file of an archive, for an operator: name, size, checksum.</summary>
    public static string Describe(BackupManifest manifest) =>
        string.Join('\n', manifest.Files.Select(f => string.Create(CultureInfo.InvariantCulture, $"  {f.Name,-13} {f.Bytes,14:N0} bytes  sha256 {f.Sha256}")));
}
