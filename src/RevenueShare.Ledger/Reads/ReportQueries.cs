using NodaTime;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// The sums behind the offices' reports (reconciliation, statements, settlement): integer units summed
/// in SQL, common to SQLite and PostgreSQL. Each query first waits on the <see cref="ReadBarrier"/>.
/// </summary>
public sealed class ReportQueries
{
    private readonly ReadDatabase database;
    private readonly ReadBarrier barrier;

    public ReportQueries(ReadDatabase database, ReadBarrier barrier)
    {
        this.database = database;
        this.barrier = barrier;
    }

    /// <summary>Entries of months <paramref name="from"/>..<paramref name="to"/> netted per agreement, enterprise, indicator, district and double-count flag.</summary>
    public async Task<IReadOnlyList<EntrySum>> EntrySumsAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT agreement, enterprise, indicator, district, double_count, SUM(amount_units)
            FROM allocation_entries WHERE month >= @from AND month <= @to
            GROUP BY agreement, enterprise, indicator, district, double_count
            ORDER BY agreement, enterprise, indicator, district, double_count
            """;
        ReadModelWriter.Add(command, "from", Months.Format(from));
        ReadModelWriter.Add(command, "to", Months.Format(to));
        var result = new List<EntrySum>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new EntrySum(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4) != 0, reader.GetInt64(5)));
        }

        return result;
    }

    /// <summary>Current figures of months <paramref name="from"/>..<paramref name="to"/> summed per agreement, enterprise and indicator.</summary>
    public async Task<IReadOnlyList<FigureSum>> FigureSumsAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT agreement, enterprise, indicator, SUM(amount_units)
            FROM figures WHERE month >= @from AND month <= @to
            GROUP BY agreement, enterprise, indicator
            ORDER BY agreement, enterprise, indicator
            """;
        ReadModelWriter.Add(command, "from", Months.Format(from));
        ReadModelWriter.Add(command, "to", Months.Format(to));
        var result = new List<FigureSum>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new FigureSum(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return result;
    }
}
