using System.Diagnostics;
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
        foreach (var statement in ReadSchema.Statements.Where(s => s.Contains("allocation_entries", StringComparison.Ordinal)))
        {
            await using var ddl = target.CreateCommand();
            ddl.CommandText = statement.Replace("allocation_entries", table, StringComparison.Ordinal).Replace("INDEX IF NOT EXISTS " + table, "INDEX IF NOT EXISTS raw_" + table, StringComparison.Ordinal);
            await ddl.ExecuteNonQueryAsync();
        }

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
    }
}
