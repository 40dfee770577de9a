using System.Data;
using System.Data.Common;
using Npgsql;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The one transaction a projection batch is written in, with every projector's statements: each is
/// created here, enlisted in it, its parameters named and typed by <see cref="ReadParameters"/>, and
/// disposed with it. The batch's rows and the projection's offset commit together or not at all.
/// </summary>
internal sealed class ProjectionTransaction : IAsyncDisposable
{
    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly List<IAsyncDisposable> statements = [];

    private ProjectionTransaction(DbConnection connection, DbTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    /// <summary>
    /// On a connection that does not sync each commit: the read side is rebuilt from the journal
    /// (<see cref="ReadDatabase.OpenAsync(bool, CancellationToken)"/>). On PostgreSQL the same holds for
    /// this transaction alone (<c>SET LOCAL synchronous_commit</c>): its commit returns before the log
    /// is flushed, still atomic, so after a crash the rows and the offset are lost together and
    /// projected again; a pooled connection never carries the setting to a durable write.
    /// </summary>
    public static async Task<ProjectionTransaction> BeginAsync(ReadDatabase database, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(durable: false, cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (connection is NpgsqlConnection)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "SET LOCAL synchronous_commit TO OFF";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return new ProjectionTransaction(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A statement whose parameters, in order, the caller sets before each run.</summary>
    public DbCommand Command(string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(ReadParameters.Typed(command.CreateParameter(), name, type));
        }

        statements.Add(command);
        return command;
    }

    /// <summary>An INSERT or upsert run for many rows (<see cref="RowStatement"/>).</summary>
    public RowStatement Rows(string sql, params (string Name, DbType Type)[] columns) =>
        Enlisted(new RowStatement(connection, transaction, sql, columns));

    /// <summary>The rows of a table only ever appended to (<see cref="InsertOnlyRows"/>).</summary>
    public InsertOnlyRows Inserts(string table, params (string Name, DbType Type)[] columns) =>
        Enlisted(new InsertOnlyRows(connection, transaction, table, columns));

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in statements)
        {
            await statement.DisposeAsync();
        }

        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private T Enlisted<T>(T statement)
        where T : IAsyncDisposable
    {
        statements.Add(statement);
        return statement;
    }
}
