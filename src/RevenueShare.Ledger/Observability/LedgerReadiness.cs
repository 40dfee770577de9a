using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Observability;

/// <summary>
/// Whether the ledger can take work now (docs/operations.md, Health): the read database answers at
/// this release's read schema, the journal can be written, and the read side has caught up since
/// start and lags no more than <see cref="LedgerOptions.ReadLagBound"/>. A projection that is stuck turns the last one red within
/// that bound, since the lag is the age of the oldest acknowledged write it has not made readable.
/// </summary>
public sealed class LedgerReadiness(StoreOptions store, ReadDatabase reads, ReadBarrier barrier, LedgerOptions options)
{
    public const string ReadDatabaseCheck = "read database";
    public const string JournalCheck = "journal";
    public const string ReadSideCheck = "read side";

    /// <summary>How long one store probe may take before it counts as not answering.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<IReadOnlyList<ReadinessCheck>> CheckAsync(CancellationToken cancellationToken) =>
        [await ProbeAsync(ReadDatabaseCheck, ReadDatabaseAnswersAsync, cancellationToken), await ProbeAsync(JournalCheck, JournalWritableAsync, cancellationToken), ReadSide()];

    private ReadinessCheck ReadSide()
    {
        if (!barrier.IsCaughtUp)
        {
            return new ReadinessCheck(ReadSideCheck, false, "The read side is catching up with the journal since start.");
        }

        var lag = barrier.Lag;
        return lag <= options.ReadLagBound
            ? new ReadinessCheck(ReadSideCheck, true, $"Lag {lag.TotalSeconds:0.000} s, within {options.ReadLagBound.TotalSeconds:0.###} s.")
            : new ReadinessCheck(ReadSideCheck, false, $"Lag {lag.TotalSeconds:0.000} s, past its bound of {options.ReadLagBound.TotalSeconds:0.###} s: the projection is not keeping up.");
    }

    private async Task<string> ReadDatabaseAnswersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await reads.OpenAsync(cancellationToken);
        var stored = await ReadSchema.StoredVersionAsync(connection, null, cancellationToken);
        return stored == ReadSchema.Version
            ? $"The {Store} read database answers, at read schema {stored}."
            : throw new InvalidOperationException($"The read database is at read schema {stored?.ToString(CultureInfo.InvariantCulture) ?? "none"}, not {ReadSchema.Version}: another release has written it since this one started.");
    }

    /// <summary>
    /// SQLite: the journal's write lock can be taken (and is given back at once); PostgreSQL: the
    /// server is a primary taking writes, not a standby or a read-only session.
    /// </summary>
    private async Task<string> JournalWritableAsync(CancellationToken cancellationToken)
    {
        if (store.Kind == StoreKind.Sqlite)
        {
            await using var journal = new SqliteConnection(new SqliteConnectionStringBuilder(store.JournalConnectionString) { Pooling = false, DefaultTimeout = (int)ProbeTimeout.TotalSeconds }.ToString());
            await journal.OpenAsync(cancellationToken);
            await using var transaction = journal.BeginTransaction(deferred: false);
            await transaction.RollbackAsync(cancellationToken);
            return "The journal's write lock can be taken.";
        }

        await using var connection = await reads.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on'";
        return await command.ExecuteScalarAsync(cancellationToken) is true
            ? throw new InvalidOperationException("The PostgreSQL server takes no writes (a standby, or read-only).")
            : "The PostgreSQL server takes writes.";
    }

    private string Store => store.Kind == StoreKind.Sqlite ? "sqlite" : "postgresql";

    private static async Task<ReadinessCheck> ProbeAsync(string name, Func<CancellationToken, Task<string>> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            return new ReadinessCheck(name, true, await probe(timeout.Token));
        }
        catch (Exception e) when (e is DbException or InvalidOperationException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new ReadinessCheck(name, false, e is OperationCanceledException ? $"No answer within {ProbeTimeout.TotalSeconds:0} s." : e.Message);
        }
    }
}
