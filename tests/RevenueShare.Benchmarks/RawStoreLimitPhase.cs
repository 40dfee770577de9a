using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Benchmarks;

/// <summary>
/// The raw-store limit: the allocation rows the HTTP ingest produced, inserted straight into the same
/// kind of store with one prepared statement in one transaction: what the store alone takes of the
/// year, the yardstick the ingest's rate is held to (within 4×).
/// </summary>
internal sealed class RawStoreLimitPhase(BenchRun run)
{
    public async Task RunAsync(ReadDatabase database, StoreOptions store, double ingestRate, TimeSpan ingestElapsed)
    {
        var entries = new List<object?[]>();
        string[] columns;
        await using (var connection = await database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            // Every column the projection writes, whatever the read schema's version.
            command.CommandText = "SELECT * FROM allocation_entries";
            await using var reader = await command.ExecuteReaderAsync();
            columns = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
            while (await reader.ReadAsync())
            {
                var row = new object?[columns.Length];
                reader.GetValues(row!);
                entries.Add(row);
            }
        }

        var table = "allocation_entries";
        string connectionString;
        if (run.Stores.IsPostgres)
        {
            table = "raw_allocation_entries";
            connectionString = store.ReadConnectionString;
        }
        else
        {
            var file = Path.Combine(run.Stores.Root, "raw", "raw.db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            connectionString = $"Data Source={file}";
        }

        await using var target = await Stores.OpenAsync(connectionString, run.Stores.IsPostgres);
        await CreateTableAsync(target, table);

        var watch = Stopwatch.StartNew();
        await using (var transaction = await target.BeginTransactionAsync())
        await using (var insert = target.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
            var parameters = columns.Select((name, i) =>
            {
                var p = insert.CreateParameter();
                p.ParameterName = "@" + name; // as the projection names them: a bare name costs Microsoft.Data.Sqlite three lookups per row
                p.DbType = name switch
                {
                    "seq_nr" or "amount_units" or "booked_ns" => System.Data.DbType.Int64,
                    "idx" or "double_count" => System.Data.DbType.Int32,
                    _ => System.Data.DbType.String,
                };
                insert.Parameters.Add(p);
                return p;
            }).ToArray();
            await insert.PrepareAsync();
            foreach (var row in entries)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = row[i] switch
                    {
                        null => DBNull.Value,
                        long l when parameters[i].DbType == System.Data.DbType.Int32 => checked((int)l),
                        var v => v,
                    };
                }

                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        watch.Stop();
        var rowsPerSecond = entries.Count / watch.Elapsed.TotalSeconds;
        var reportsPerSecond = run.ReportCount / watch.Elapsed.TotalSeconds;
        var ratio = reportsPerSecond / ingestRate;
        Console.WriteLine($"raw limit: {entries.Count} allocation rows ({(double)entries.Count / run.ReportCount:F2} per report) inserted in {watch.Elapsed.TotalSeconds:F2} s");
        run.Rows.Add(("raw-store limit: allocation rows, one prepared statement, one transaction", $"{rowsPerSecond:F0} rows/s = {reportsPerSecond:F0} reports/s", "—", $"{entries.Count} rows in {watch.Elapsed.TotalSeconds:F2} s"));
        run.Rows.Add(("ratio raw limit / HTTP ingest", $"{ratio:F1}×", "≤ 4×", $"ingest {ingestElapsed.TotalSeconds:F1} s vs raw {watch.Elapsed.TotalSeconds:F2} s for the same year"));

        if (target is NpgsqlConnection postgres)
        {
            await CopyLimitAsync(postgres, columns, entries, ingestRate, ingestElapsed);
        }
    }

    /// <summary>
    /// PostgreSQL's own limit for the same rows, the one issue 12 holds the ingest to (within 2×): one
    /// binary COPY into a fresh table with the same indexes, which is how PostgreSQL is bulk-loaded,
    /// rather than a statement per row, which on PostgreSQL is slower than the ledger itself.
    /// </summary>
    private async Task CopyLimitAsync(NpgsqlConnection target, string[] columns, List<object?[]> entries, double ingestRate, TimeSpan ingestElapsed)
    {
        const string table = "raw_copy_allocation_entries";
        await CreateTableAsync(target, table);
        var watch = Stopwatch.StartNew();
        await using (var copy = await target.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in entries)
            {
                await copy.StartRowAsync();
                foreach (var value in row)
                {
                    await (value switch
                    {
                        null or DBNull => copy.WriteNullAsync(),
                        string text => copy.WriteAsync(text, NpgsqlDbType.Text),
                        long number => copy.WriteAsync(number, NpgsqlDbType.Bigint),
                        int number => copy.WriteAsync(number, NpgsqlDbType.Integer),
                        _ => throw new InvalidOperationException($"No COPY type for a {value.GetType().Name} in allocation_entries."),
                    });
                }
            }

            await copy.CompleteAsync();
        }

        watch.Stop();
        var reportsPerSecond = run.ReportCount / watch.Elapsed.TotalSeconds;
        run.Rows.Add(("raw-store limit (PostgreSQL): the same rows, one binary COPY", $"{entries.Count / watch.Elapsed.TotalSeconds:F0} rows/s = {reportsPerSecond:F0} reports/s", "—", $"{entries.Count} rows in {watch.Elapsed.TotalSeconds:F2} s"));
        run.Rows.Add(("ratio COPY limit / HTTP ingest (PostgreSQL)", $"{reportsPerSecond / ingestRate:F1}×", "≤ 2× (issue 12)", $"ingest {ingestElapsed.TotalSeconds:F1} s vs COPY {watch.Elapsed.TotalSeconds:F2} s for the same year"));
    }

    /// <summary>The allocation table and its indexes of today's read schema, under <paramref name="table"/>'s name.</summary>
    private static async Task CreateTableAsync(System.Data.Common.DbConnection target, string table)
    {
        foreach (var statement in ReadSchema.Statements.Where(s => s.Contains("allocation_entries", StringComparison.Ordinal)))
        {
            await using var ddl = target.CreateCommand();
            ddl.CommandText = statement.Replace("allocation_entries", table, StringComparison.Ordinal).Replace("INDEX IF NOT EXISTS " + table, "INDEX IF NOT EXISTS raw_" + table, StringComparison.Ordinal);
            await ddl.ExecuteNonQueryAsync();
        }
    }
}
