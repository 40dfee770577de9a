using System.Data;
using System.Data.Common;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The changes a projection batch makes to the month totals (<c>allocation_totals</c>,
/// <c>figure_totals</c>), gathered in memory while the batch's entries and figures are written and
/// added to the tables at the end of the batch, in the same transaction. Integer units, checked:
/// an overflow fails the batch rather than storing a wrong total.
/// </summary>
internal sealed class ReportTotals
{
    private readonly Dictionary<AllocationKey, (string Family, long Units)> allocations = [];
    private readonly Dictionary<FigureKey, (long Units, long Count)> figures = [];

    public void AddEntry(string month, string indicator, string family, string district, string registered, bool doubleCount, long units)
    {
        var key = new AllocationKey(month, indicator, district, registered, doubleCount ? 1 : 0);
        allocations[key] = allocations.TryGetValue(key, out var sum) ? (family, checked(sum.Units + units)) : (family, units);
    }

    /// <summary>A figure booked: <paramref name="units"/> is the change of the month's total, <paramref name="count"/> 1 for a new figure, 0 for a restatement.</summary>
    public void AddFigure(string month, string agreement, string indicator, string registered, long units, long count)
    {
        var key = new FigureKey(month, agreement, indicator, registered);
        figures[key] = figures.TryGetValue(key, out var sum) ? (checked(sum.Units + units), checked(sum.Count + count)) : (units, count);
    }

    public async Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (allocations.Count > 0)
        {
            await using var command = Prepare(
                connection,
                transaction,
                """
                INSERT INTO allocation_totals (month, indicator, family, district, registered, double_count, amount_units)
                VALUES (@month, @indicator, @family, @district, @registered, @double_count, @units)
                ON CONFLICT (month, indicator, district, registered, double_count)
                DO UPDATE SET amount_units = allocation_totals.amount_units + excluded.amount_units
                """,
                ("month", DbType.String), ("indicator", DbType.String), ("family", DbType.String),
                ("district", DbType.String), ("registered", DbType.String), ("double_count", DbType.Int32), ("units", DbType.Int64));
            await command.PrepareAsync(cancellationToken);
            foreach (var (key, (family, units)) in allocations)
            {
                var p = command.Parameters;
                p[0].Value = key.Month;
                p[1].Value = key.Indicator;
                p[2].Value = family;
                p[3].Value = key.District;
                p[4].Value = key.Registered;
                p[5].Value = key.DoubleCount;
                p[6].Value = units;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            allocations.Clear();
        }

        if (figures.Count > 0)
        {
            await using var command = Prepare(
                connection,
                transaction,
                """
                INSERT INTO figure_totals (month, agreement, indicator, registered, amount_units, figure_count)
                VALUES (@month, @agreement, @indicator, @registered, @units, @count)
                ON CONFLICT (month, agreement, indicator, registered)
                DO UPDATE SET amount_units = figure_totals.amount_units + excluded.amount_units,
                    figure_count = figure_totals.figure_count + excluded.figure_count
                """,
                ("month", DbType.String), ("agreement", DbType.String), ("indicator", DbType.String), ("registered", DbType.String),
                ("units", DbType.Int64), ("count", DbType.Int64));
            await command.PrepareAsync(cancellationToken);
            foreach (var (key, (units, count)) in figures)
            {
                var p = command.Parameters;
                p[0].Value = key.Month;
                p[1].Value = key.Agreement;
                p[2].Value = key.Indicator;
                p[3].Value = key.Registered;
                p[4].Value = units;
                p[5].Value = count;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            figures.Clear();
        }
    }

    /// <summary>Typed before Prepare: PostgreSQL cannot prepare an untyped parameter without a value.</summary>
    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private readonly record struct AllocationKey(string Month, string Indicator, string District, string Registered, int DoubleCount);

    private readonly record struct FigureKey(string Month, string Agreement, string Indicator, string Registered);
}
