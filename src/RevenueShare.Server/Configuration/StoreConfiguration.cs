using RevenueShare.Ledger.Storage;
using RevenueShare.Server.Cli;

namespace RevenueShare.Server.Configuration;

/// <summary>The store and the contracts folder every command touching the ledger's data reads from the configuration.</summary>
public static class StoreConfiguration
{
    public static StoreOptions Read(ServiceConfiguration configuration)
    {
        var data = configuration.Text(ServiceSettings.Data);
        var postgres = configuration.Text(ServiceSettings.Postgres);
        if (data is not null && postgres is not null)
        {
            configuration.Problem(
                $"Give {ServiceSettings.Data.Key} (SQLite, {configuration.SourceOf(ServiceSettings.Data.Key)}) or {ServiceSettings.Postgres.Key} (PostgreSQL, {configuration.SourceOf(ServiceSettings.Postgres.Key)}), not both.");
        }

        var store = postgres is not null && data is null
            ? StoreOptions.PostgreSql(postgres)
            : StoreOptions.Sqlite(data ?? StoreArguments.DefaultDataDirectory);
        return configuration.Number(ServiceSettings.ReadSideMaxMiB, min: 1) switch
        {
            null => store,
            _ when store.Kind != StoreKind.Sqlite => Refused(configuration, store),
            { } mebibytes => store with { ReadSideMaxBytes = mebibytes * 1024L * 1024L },
        };
    }

    /// <summary>The embedded store alone, for the commands that work on its files (backup, restore, verify).</summary>
    public static StoreOptions ReadSqlite(ServiceConfiguration configuration) =>
        StoreOptions.Sqlite(configuration.Text(ServiceSettings.Data) ?? StoreArguments.DefaultDataDirectory);

    /// <summary>The contracts folder given, checked, or the one found; null (with the problem recorded) when there is none.</summary>
    public static string? Contracts(ServiceConfiguration configuration)
    {
        try
        {
            var given = configuration.Text(ServiceSettings.Contracts);
            return given is null ? ContractsLocator.Find() : ContractsLocator.Validate(given);
        }
        catch (DirectoryNotFoundException e)
        {
            configuration.Problem(ServiceSettings.Contracts.Key, e.Message);
            return null;
        }
    }

    private static StoreOptions Refused(ServiceConfiguration configuration, StoreOptions store)
    {
        configuration.Problem(ServiceSettings.ReadSideMaxMiB.Key, "bounds the embedded store's read database; PostgreSQL is bounded by its own means.");
        return store;
    }
}
