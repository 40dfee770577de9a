using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RevenueShare.Ledger.Storage;

/// <summary>
/// Connections to the read-side database (read tables, tokens). The SQL used against it is the
/// common subset of SQLite and PostgreSQL (<c>INSERT ... ON CONFLICT</c>, <c>@name</c> parameters),
/// so one statement serves both stores.
/// </summary>
public sealed class ReadDatabase
{
    /// <summary>SQLite's own largest <c>max_page_count</c>: no bound but the disk.</summary>
    private const long UnboundedPages = 4294967294;

    private readonly StoreOptions options;

    public ReadDatabase(StoreOptions options)
    {
        this.options = options;
        if (options.Kind == StoreKind.Sqlite)
        {
            Directory.CreateDirectory(options.DataDirectory);
        }
    }

    public StoreKind Kind => options.Kind;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => OpenAsync(durable: true, cancellationToken);

    /// <summary>
    /// A connection; with <paramref name="durable"/> false, a SQLite commit is not synced to disk before
    /// it returns (<c>synchronous=NORMAL</c>: still atomic and consistent, the write-ahead log is synced
    /// at checkpoints). Only for what can be rebuilt: the projection, whose rows and offset commit
    /// together, so after a crash it resumes from whatever offset survived and re-projects the rest
    /// from the journal before reads are answered. Tokens and everything else stay durable.
    /// <para>
    /// Such a connection keeps 64 MiB of pages: SQLite's 2 MiB default is smaller than the leaves an
    /// index by agreement touches in one batch, and each miss went back to the file (measured in
    /// tests/RevenueShare.Benchmarks/README.md, issue 10). It also checkpoints the write-ahead log every
    /// 10,000 pages instead of 1,000: the month totals and headers are rewritten by every batch, and a
    /// checkpoint after nearly every commit copied them into the file each time (under load: reads p99
    /// 1.7 → 1.2 s, booked 10.0k → 10.9k reports/s, same session). Both kinds share one connection pool,
    /// so a durable connection sets SQLite's defaults back: else every pooled reader would keep 64 MiB.
    /// </para>
    /// <para>
    /// A projection's connection also holds the read database within
    /// <see cref="StoreOptions.ReadSideMaxBytes"/> (SQLite's <c>max_page_count</c>, which a connection
    /// sets for itself); a durable one lifts it, so the tokens never meet it.
    /// </para>
    /// </summary>
    public async Task<DbConnection> OpenAsync(bool durable, CancellationToken cancellationToken = default)
    {
        DbConnection connection = options.Kind == StoreKind.Sqlite
            ? new SqliteConnection(options.ReadConnectionString)
            : new NpgsqlConnection(options.ReadConnectionString);
        await connection.OpenAsync(cancellationToken);
        if (options.Kind == StoreKind.Sqlite)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = durable
                ? "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=FULL; PRAGMA cache_size=-2000; PRAGMA wal_autocheckpoint=1000;"
                : "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=10000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);

            // Without a bound no connection ever sets one: nothing to set or lift.
            if (options.ReadSideMaxBytes is { } bound)
            {
                var pages = UnboundedPages;
                if (!durable)
                {
                    pragma.CommandText = "PRAGMA page_size";
                    pages = Math.Max(1, bound / Convert.ToInt64(await pragma.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
                }

                pragma.CommandText = $"PRAGMA max_page_count={pages}";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return connection;
    }

    /// <summary>Runs DDL statements (each <c>CREATE ... IF NOT EXISTS</c>) in order.</summary>
    public async Task EnsureSchemaAsync(IEnumerable<string> statements, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
