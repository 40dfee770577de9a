using System.CommandLine;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Server.Cli;

/// <summary>
/// The options every command touching the store shares (<c>--data</c>, <c>--postgres</c>,
/// <c>--contracts</c>), declared once so <c>serve</c> and <c>tokens</c> cannot drift apart.
/// </summary>
internal sealed class StoreArguments
{
    public const string DefaultDataDirectory = "./data";

    public Option<string> Data { get; } = new("--data")
    {
        Description = $"Folder of the embedded SQLite store (default {DefaultDataDirectory}).",
        HelpName = "DIR",
    };

    public Option<string> Postgres { get; } = new("--postgres")
    {
        Description = "Connection string of a PostgreSQL database to use instead of SQLite.",
        HelpName = "CONN",
    };

    public Option<string> Contracts { get; } = new("--contracts")
    {
        Description = "The contracts folder (catalogues, samples); found above the executable or the current folder by default.",
        HelpName = "DIR",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Postgres);
        command.Options.Add(Contracts);
    }

    /// <summary>
    /// The embedded store's folder and nothing else: the commands that work on its files (backup,
    /// restore, verify) have no PostgreSQL form.
    /// </summary>
    public StoreOptions SqliteStore(ParseResult result) => StoreOptions.Sqlite(result.GetValue(Data) ?? DefaultDataDirectory);

    public StoreOptions Store(ParseResult result)
    {
        var data = result.GetValue(Data);
        var postgres = result.GetValue(Postgres);
        if (data is not null && postgres is not null)
        {
            throw new UsageException("Give --data (SQLite) or --postgres (PostgreSQL), not both.");
        }

        if (postgres is not null)
        {
            return string.IsNullOrWhiteSpace(postgres)
                ? throw new UsageException("--postgres needs a connection string.")
                : StoreOptions.PostgreSql(postgres);
        }

        return StoreOptions.Sqlite(data ?? DefaultDataDirectory);
    }

    public string ContractsDirectory(ParseResult result)
    {
        try
        {
            var given = result.GetValue(Contracts);
            return given is null ? ContractsLocator.Find() : ContractsLocator.Validate(given);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
