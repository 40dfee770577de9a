using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// One INSERT or upsert run for many rows of a projection batch. On a store reached over the network
/// (PostgreSQL) every statement is a round trip, so rows are sent <see cref="BatchSize"/> at a time as
/// one <see cref="DbBatch"/>; on SQLite (in process, no round trip, and no batch support) one prepared
/// statement runs per row (<see cref="SqliteStatement"/>). Either way each row's count of written rows reaches its callback, in order.
/// </summary>
internal sealed class RowStatement : IAsyncDisposable
{
    public const int BatchSize = 500;

    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly string sql;
    private readonly (string Name, DbType Type)[] columns;
    private readonly SqliteStatement? single;
    private readonly List<Action<int>?> pending = [];
    private DbBatch? batch;

    public RowStatement(DbConnection connection, DbTransaction transaction, string sql, params (string Name, DbType Type)[] columns)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.sql = sql;
        this.columns = columns;
        if (connection is SqliteConnection sqlite)
        {
            // The connection's transaction is the one statement runs in: SQLite has one per connection.
            single = new SqliteStatement(sqlite, sql, [.. columns.Select(c => c.Name)]);
        }
    }

    /// <summary>Runs the statement for one row (<paramref name="values"/> in column order), now or with the next batch.</summary>
    public async Task AddAsync(object?[] values, Action<int>? written, CancellationToken cancellationToken)
    {
        if (single is not null)
        {
            var count = single.Run(values);
            written?.Invoke(count);
            return;
        }

        batch ??= NewBatch();
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        for (var k = 0; k < values.Length; k++)
        {
            var parameter = ReadParameters.Typed(command.CreateParameter(), columns[k].Name, columns[k].Type);
            parameter.Value = values[k] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        batch.BatchCommands.Add(command);
        pending.Add(written);
        if (pending.Count >= BatchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Sends the rows not yet sent: before reading what they write, and at the end.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (batch is null || pending.Count == 0)
        {
            return;
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        for (var k = 0; k < pending.Count; k++)
        {
            pending[k]?.Invoke(batch.BatchCommands[k].RecordsAffected);
        }

        pending.Clear();
        await batch.DisposeAsync();
        batch = null;
    }

    public async ValueTask DisposeAsync()
    {
        single?.Dispose();
        if (batch is not null)
        {
            await batch.DisposeAsync();
        }
    }

    private DbBatch NewBatch()
    {
        var created = connection.CreateBatch();
        created.Transaction = transaction;
        return created;
    }
}
