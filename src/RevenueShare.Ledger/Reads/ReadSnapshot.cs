using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// The read tables as one answer sees them (docs/decisions.md, One answer, one snapshot): opened once
/// the <see cref="ReadBarrier"/> has let through every write acknowledged before it, and read inside one
/// read transaction. So the queries behind one report — a reconciliation's agreements, figures,
/// allocations and reviews — all see the same projection batches (never figures of one batch against
/// allocations of the next), and the answer waits on the barrier once, not once per query. The queries
/// are grouped by what they read: agreements, reviews, entries, and the totals behind the offices' reports.
/// </summary>
public sealed partial class ReadSnapshot : IAsyncDisposable
{
    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly ReferenceData reference;
    private readonly ConcurrentDictionary<AgreementId, AgreementState> headers;

    private ReadSnapshot(DbConnection connection, DbTransaction transaction, ReferenceData reference, ConcurrentDictionary<AgreementId, AgreementState> headers)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.reference = reference;
        this.headers = headers;
    }

    /// <param name="headers">Agreement headers already read, by id, kept across snapshots by the <see cref="ReadModel"/> (<see cref="AgreementsAsync"/>).</param>
    internal static async Task<ReadSnapshot> OpenAsync(
        ReadDatabase database, ReadBarrier barrier, ReferenceData reference, ConcurrentDictionary<AgreementId, AgreementState> headers, CancellationToken cancellationToken)
    {
        await barrier.WaitAsync(cancellationToken);
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            // SQLite: a deferred transaction takes no lock until its first read, which fixes the snapshot
            // it reads for the rest of the transaction without ever holding up the projection's writes
            // (Microsoft.Data.Sqlite's default, BEGIN IMMEDIATE, would). PostgreSQL: one snapshot for
            // every statement of the transaction.
            var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            return new ReadSnapshot(connection, transaction, reference, headers);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The catalogue the rows are read with (indicators' scales, districts).</summary>
    internal ReferenceData Reference => reference;

    /// <summary>A command that reads within the snapshot; the caller sets its text and disposes it.</summary>
    internal DbCommand Command()
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
