using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The rows of a table the projection only ever appends to, the hot path of the read side
/// (allocation entries, booked reportIds): on SQLite one prepared INSERT per row
/// (<see cref="RowStatement"/>), on PostgreSQL binary COPY. Such a table has no unique key (one index
/// fewer to keep per row) and needs none: an event is projected once, because the writer skips any
/// event at or below the agreement's header version, which commits with the rows.
/// </summary>
internal sealed class InsertOnlyRows : IAsyncDisposable
{
    /// <summary>Rows copied per COPY on PostgreSQL: enough to make each a bulk load, few enough to bound the buffer.</summary>
    private const int CopyRows = 20_000;

    private readonly string table;
    private readonly (string Name, DbType Type)[] columns;
    private readonly RowStatement? insert;
    private readonly NpgsqlConnection? postgres;
    private readonly List<object?[]> copy = [];

    public InsertOnlyRows(DbConnection connection, DbTransaction transaction, string table, params (string Name, DbType Type)[] columns)
    {
        this.table = table;
        this.columns = columns;

        // Rows only ever inserted (no conflict to resolve) are what PostgreSQL's COPY is for: one bulk
        // load instead of a parsed, planned and executed INSERT per row.
        if (connection is NpgsqlConnection npgsql)
        {
            postgres = npgsql;
            return;
        }

        insert = new RowStatement(
            connection,
            transaction,
            $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c.Name))})",
            columns);
    }

    /// <summary>Adds one row, <paramref name="values"/> in column order; sent now or with the next rows.</summary>
    public async Task AddAsync(object?[] values, CancellationToken cancellationToken)
    {
        if (insert is not null)
        {
            await insert.AddAsync(values, null, cancellationToken);
            return;
        }

        copy.Add(values);
        if (copy.Count >= CopyRows)
        {
            await CopyAsync(cancellationToken);
        }
    }

    /// <summary>Sends the rows not yet sent; before the transaction commits.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) =>
        insert is not null ? insert.FlushAsync(cancellationToken) : CopyAsync(cancellationToken);

    public ValueTask DisposeAsync() => insert?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>The buffered rows in one binary COPY, inside the projection's transaction.</summary>
    private async Task CopyAsync(CancellationToken cancellationToken)
    {
        if (copy.Count == 0)
        {
            return;
        }

        await using (var importer = await postgres!.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in copy)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var k = 0; k < row.Length; k++)
                {
                    switch (row[k])
                    {
                        case null:
                            await importer.WriteNullAsync(cancellationToken);
                            break;
                        case long number:
                            await importer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken);
                            break;
                        case int number:
                            await importer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken);
                            break;
                        case var value:
                            await importer.WriteAsync((string)value, NpgsqlDbType.Text, cancellationToken);
                            break;
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        copy.Clear();
    }
}
