using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// One statement prepared on a SQLite connection and run per row through SQLite's own C API
/// (SQLitePCLRaw, the layer Microsoft.Data.Sqlite is built on), binding by position. The projection
/// runs millions of rows through a few statements; Microsoft.Data.Sqlite's command looks each
/// parameter up by name and opens a data reader on every run, which measured about half of the read
/// side's write time (tests/RevenueShare.Benchmarks/README.md, issue 10).
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private readonly int[] positions;

    /// <param name="names">The statement's parameters (<c>@name</c> in <paramref name="sql"/>), in the order <see cref="Run"/> is given their values.</param>
    public SqliteStatement(SqliteConnection connection, string sql, IReadOnlyList<string> names)
    {
        database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(database, sql, out statement));
        positions = new int[names.Count];
        for (var k = 0; k < names.Count; k++)
        {
            positions[k] = raw.sqlite3_bind_parameter_index(statement, "@" + names[k]);
            if (positions[k] == 0)
            {
                throw new ArgumentException($"The statement has no parameter @{names[k]}: {sql}", nameof(names));
            }
        }
    }

    /// <summary>Runs the statement with <paramref name="values"/> (in the order of the names given); answers how many rows it wrote.</summary>
    public int Run(IReadOnlyList<object?> values)
    {
        for (var k = 0; k < positions.Length; k++)
        {
            Check(values[k] switch
            {
                null or DBNull => raw.sqlite3_bind_null(statement, positions[k]),
                string text => raw.sqlite3_bind_text(statement, positions[k], text),
                long number => raw.sqlite3_bind_int64(statement, positions[k], number),
                int number => raw.sqlite3_bind_int(statement, positions[k], number),
                bool flag => raw.sqlite3_bind_int(statement, positions[k], flag ? 1 : 0),
                var other => throw new NotSupportedException($"A {other.GetType().Name} is not a value the read tables store."),
            });
        }

        var step = raw.sqlite3_step(statement);
        try
        {
            // The error's message is the connection's until the next call: read it before the reset.
            Check(step);
            return raw.sqlite3_changes(database);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    public void Dispose() => statement.Dispose();

    private void Check(int code)
    {
        if (code is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), code, raw.sqlite3_extended_errcode(database));
        }
    }
}
