using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RevenueShare.Ledger.Verification;

/// <summary>
/// Compares a stored read database with a fresh projection of the same journal, table by table and
/// row by row: every table the fresh projection has must be in the stored database with the same
/// columns and the same rows, each as many times (the entries and reportIds tables have no key, so a
/// row projected twice is a difference too). Done in SQLite over both files attached to one connection:
/// the rows of both sides are grouped on every column and each group's counts compared.
/// </summary>
internal static class ReadTableComparison
{
    public const string Name = "read tables = a fresh projection of the journal, table by table";

    public static async Task<InvariantCheck> CompareAsync(string stored, string fresh, CancellationToken cancellationToken)
    {
        var tally = new InvariantTally(Name);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = stored, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using (var attach = connection.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE @fresh AS fresh";
            attach.Parameters.AddWithValue("@fresh", fresh);
            await attach.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var table in await TablesAsync(connection, "fresh", cancellationToken))
        {
            var columns = await ColumnsAsync(connection, "fresh", table, cancellationToken);
            var storedColumns = await ColumnsAsync(connection, "main", table, cancellationToken);
            if (!columns.SequenceEqual(storedColumns))
            {
                tally.Check(false, () => storedColumns.Count == 0
                    ? $"{table}: not in the stored read database"
                    : $"{table}: the stored table has columns ({string.Join(", ", storedColumns)}), a fresh projection ({string.Join(", ", columns)})");
                continue;
            }

            await CompareRowsAsync(connection, table, columns, tally, cancellationToken);
        }

        return tally.Result();
    }

    /// <summary>
    /// Each group of equal rows is one case: it holds when both sides have it as often. A table's
    /// differences beyond the first few are counted, not listed.
    /// </summary>
    private static async Task CompareRowsAsync(SqliteConnection connection, string table, IReadOnlyList<string> columns, InvariantTally tally, CancellationToken cancellationToken)
    {
        var list = string.Join(", ", columns.Select(Quote));
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {list}, SUM(in_stored), SUM(in_fresh) FROM (
                SELECT {list}, 1 AS in_stored, 0 AS in_fresh FROM main.{Quote(table)}
                UNION ALL
                SELECT {list}, 0, 1 FROM fresh.{Quote(table)})
            GROUP BY {list}
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var inStored = reader.GetInt64(columns.Count);
            var inFresh = reader.GetInt64(columns.Count + 1);
            tally.Check(inStored == inFresh, () =>
            {
                var row = string.Join(", ", columns.Select((c, i) => $"{c}={Show(reader.GetValue(i))}"));
                return string.Create(CultureInfo.InvariantCulture, $"{table}: ({row}) is {inStored} time(s) in the stored table, {inFresh} in a fresh projection");
            });
        }
    }

    private static async Task<IReadOnlyList<string>> TablesAsync(SqliteConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>The table's columns in their order; none when the schema has no such table.</summary>
    private static async Task<IReadOnlyList<string>> ColumnsAsync(SqliteConnection connection, string schema, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info(@table, @schema) ORDER BY cid";
        command.Parameters.AddWithValue("@table", table);
        command.Parameters.AddWithValue("@schema", schema);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A value as it reads in a report line: long text cut, NULL spelled out.</summary>
    private static string Show(object value) => value switch
    {
        DBNull => "NULL",
        string text when text.Length > 80 => text[..77] + "...",
        string text => text,
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
