using System.CommandLine;
using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Configuration;

namespace RevenueShare.Server.Cli;

/// <summary>
/// The options every command touching the store shares (<c>--config</c>, <c>--data</c>,
/// <c>--postgres</c>, <c>--contracts</c>), declared once so <c>serve</c> and <c>tokens</c> cannot drift
/// apart. Each flag is one of <see cref="ServiceSettings"/>: given, it overrides the configuration file
/// and the environment.
/// </summary>
internal sealed class StoreArguments
{
    public const string DefaultDataDirectory = "./data";

    public Option<string> Config { get; } = new("--config")
    {
        Description = $"A JSON configuration file (docs/operations.md, Configuration), read after {ServiceConfiguration.DefaultFileName} beside the executable and before the {ServiceConfiguration.EnvironmentPrefix} environment variables and the flags.",
        HelpName = "FILE",
    };

    public Option<string> Data { get; } = new(ServiceSettings.Data.Flag!)
    {
        Description = $"Folder of the embedded SQLite store (default {DefaultDataDirectory}).",
        HelpName = "DIR",
    };

    public Option<string> Postgres { get; } = new(ServiceSettings.Postgres.Flag!)
    {
        Description = "Connection string of a PostgreSQL database to use instead of SQLite.",
        HelpName = "CONN",
    };

    public Option<string> Contracts { get; } = new(ServiceSettings.Contracts.Flag!)
    {
        Description = "The contracts folder (catalogues, samples); found above the executable or the current folder by default.",
        HelpName = "DIR",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Config);
        command.Options.Add(Data);
        command.Options.Add(Postgres);
        command.Options.Add(Contracts);
    }

    /// <summary>
    /// The configuration of this command line: its file, the environment, and the store's flags given
    /// with <paramref name="more"/> of the command's own.
    /// </summary>
    public ServiceConfiguration Configuration(ParseResult result, IEnumerable<(ServiceSetting Setting, string Value)>? more = null)
    {
        var flags = new List<(ServiceSetting, string)>();
        Given(flags, result, Data, ServiceSettings.Data);
        Given(flags, result, Postgres, ServiceSettings.Postgres);
        Given(flags, result, Contracts, ServiceSettings.Contracts);
        return ServiceConfiguration.Load(result.GetValue(Config), flags.Concat(more ?? []));
    }

    /// <summary>
    /// The embedded store's folder and nothing else: the commands that work on its files (backup,
    /// restore, verify) have no PostgreSQL form.
    /// </summary>
    public StoreOptions SqliteStore(ParseResult result)
    {
        var configuration = Configuration(result);
        var store = StoreConfiguration.ReadSqlite(configuration);
        configuration.ThrowIfInvalid();
        return store;
    }

    public StoreOptions Store(ParseResult result)
    {
        var configuration = Configuration(result);
        var store = StoreConfiguration.Read(configuration);
        configuration.ThrowIfInvalid();
        return store;
    }

    public string ContractsDirectory(ParseResult result)
    {
        var configuration = Configuration(result);
        var contracts = StoreConfiguration.Contracts(configuration);
        configuration.ThrowIfInvalid();
        return contracts!;
    }

    /// <summary>Adds <paramref name="option"/>'s value as <paramref name="setting"/> when the command line gives it.</summary>
    public static void Given(List<(ServiceSetting, string)> flags, ParseResult result, Option<string> option, ServiceSetting setting)
    {
        if (result.GetValue(option) is { } value)
        {
            flags.Add((setting, value));
        }
    }
}
