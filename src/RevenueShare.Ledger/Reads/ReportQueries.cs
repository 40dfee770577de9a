using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// The sums behind the offices' reports (reconciliation, statements, settlement): integer units summed
/// in SQL over the month totals the projection keeps (<c>allocation_totals</c>, <c>figure_totals</c>),
/// never over every entry of the months; common to SQLite and PostgreSQL. Each query first waits on
/// the <see cref="ReadBarrier"/>.
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

    /// <summary>Entries of months <paramref name="from"/>..<paramref name="to"/> netted per indicator, district, registered district and double-count flag (from <c>allocation_totals</c>).</summary>
    public async Task<IReadOnlyList<AllocationTotal>> AllocationTotalsAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT indicator, district, registered, double_count, SUM(amount_units)
            FROM allocation_totals WHERE month >= @from AND month <= @to
            GROUP BY indicator, district, registered, double_count
            ORDER BY indicator, district, registered, double_count
            """;
        ReadParameters.Add(command, "from", Months.Format(from));
        ReadParameters.Add(command, "to", Months.Format(to));
        var result = new List<AllocationTotal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new AllocationTotal(reader.GetString(0), DistrictCode.Parse(reader.GetString(1)), DistrictCode.Parse(reader.GetString(2)), reader.GetInt64(3) != 0, reader.GetInt64(4)));
        }

        return result;
    }

    /// <summary>Current figures of months <paramref name="from"/>..<paramref name="to"/> summed and counted per agreement, indicator and registered district (from <c>figure_totals</c>).</summary>
    public async Task<IReadOnlyList<FigureTotal>> FigureTotalsAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT agreement, indicator, registered, SUM(amount_units), SUM(figure_count)
            FROM figure_totals WHERE month >= @from AND month <= @to
            GROUP BY agreement, indicator, registered
            ORDER BY agreement, indicator, registered
            """;
        ReadParameters.Add(command, "from", Months.Format(from));
        ReadParameters.Add(command, "to", Months.Format(to));
        var result = new List<FigureTotal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new FigureTotal(AgreementId.Parse(reader.GetString(0)), reader.GetString(1), DistrictCode.Parse(reader.GetString(2)), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return result;
    }

    /// <summary>The (enterprise, indicator) pairs with a current figure in <paramref name="month"/> under one agreement.</summary>
    public async Task<IReadOnlySet<(string Enterprise, string Indicator)>> ReportedAsync(AgreementId agreement, YearMonth month, CancellationToken cancellationToken)
    {
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT enterprise, indicator FROM figures WHERE agreement = @agreement AND month = @month";
        ReadParameters.Add(command, "agreement", agreement.Value);
        ReadParameters.Add(command, "month", Months.Format(month));
        var result = new HashSet<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((reader.GetString(0), reader.GetString(1)));
        }

        return result;
    }
}
