using System.Data.Common;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Reads;

// The sums behind the offices' reports (reconciliation, statements, settlement): integer units
// summed in SQL over the month totals the projection keeps (<c>allocation_totals</c>,
// <c>figure_totals</c>), never over every entry of the months; common to SQLite and PostgreSQL.
public sealed partial class ReadSnapshot
{
    /// <summary>Entries of months <paramref name="from"/>..<paramref name="to"/> netted per indicator, district, registered district and double-count flag (from <c>allocation_totals</c>).</summary>
    public async Task<IReadOnlyList<AllocationTotal>> AllocationTotalsAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        await using var command = Command();
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
        await using var command = Command();
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

    /// <summary>
    /// The allocation totals as they stood at <paramref name="asOf"/>: the entries of months
    /// <paramref name="from"/>..<paramref name="to"/> booked at or before it, netted from the entries
    /// themselves (<c>allocation_totals</c> holds only the present), each enterprise under its
    /// registered district in <paramref name="agreements"/>; in the order of the totals.
    /// </summary>
    public async Task<IReadOnlyList<AllocationTotal>> AllocationTotalsAsync(
        YearMonth from, YearMonth to, Instant asOf, IReadOnlyList<AgreementState> agreements, CancellationToken cancellationToken)
    {
        await using var command = Command();
        command.CommandText = """
            SELECT agreement, enterprise, indicator, district, double_count, SUM(amount_units)
            FROM allocation_entries WHERE month >= @from AND month <= @to AND booked_ns <= @as_of
            GROUP BY agreement, enterprise, indicator, district, double_count
            """;
        AddRange(command, from, to, asOf);
        var registered = RegisteredOf(agreements);
        var sums = new Dictionary<(string Indicator, string District, string Registered, bool DoubleCount), long>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(2), reader.GetString(3), registered(reader.GetString(0), reader.GetString(1)), reader.GetInt64(4) != 0);
                sums[key] = checked(sums.GetValueOrDefault(key) + reader.GetInt64(5));
            }
        }

        return
        [
            .. sums.OrderBy(s => s.Key.Indicator, StringComparer.Ordinal).ThenBy(s => s.Key.District, StringComparer.Ordinal)
                .ThenBy(s => s.Key.Registered, StringComparer.Ordinal).ThenBy(s => s.Key.DoubleCount)
                .Select(s => new AllocationTotal(s.Key.Indicator, DistrictCode.Parse(s.Key.District), DistrictCode.Parse(s.Key.Registered), s.Key.DoubleCount, s.Value)),
        ];
    }

    /// <summary>
    /// The figure totals as they stood at <paramref name="asOf"/>: of each figure of months
    /// <paramref name="from"/>..<paramref name="to"/>, the highest revision booked at or before it (the
    /// current one in <c>figures</c> or one it replaced, <c>replaced_figures</c>), summed and counted per
    /// agreement, indicator and registered district in <paramref name="agreements"/>; in the order of
    /// the totals.
    /// </summary>
    public async Task<IReadOnlyList<FigureTotal>> FigureTotalsAsync(
        YearMonth from, YearMonth to, Instant asOf, IReadOnlyList<AgreementState> agreements, CancellationToken cancellationToken)
    {
        await using var command = Command();
        command.CommandText = $"""
            SELECT agreement, enterprise, indicator, SUM(amount_units), COUNT(*) FROM (
                SELECT agreement, enterprise, indicator, amount_units,
                       ROW_NUMBER() OVER (PARTITION BY agreement, enterprise, indicator, month ORDER BY revision DESC) AS newest
                FROM ({EveryRevision}) f WHERE month >= @from AND month <= @to AND booked_ns <= @as_of) r
            WHERE newest = 1
            GROUP BY agreement, enterprise, indicator
            """;
        AddRange(command, from, to, asOf);
        var registered = RegisteredOf(agreements);
        var sums = new Dictionary<(string Agreement, string Indicator, string Registered), (long Units, long Count)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(2), registered(reader.GetString(0), reader.GetString(1)));
                var (units, count) = sums.GetValueOrDefault(key);
                sums[key] = (checked(units + reader.GetInt64(3)), checked(count + reader.GetInt64(4)));
            }
        }

        return
        [
            .. sums.OrderBy(s => s.Key.Agreement, StringComparer.Ordinal).ThenBy(s => s.Key.Indicator, StringComparer.Ordinal)
                .ThenBy(s => s.Key.Registered, StringComparer.Ordinal)
                .Select(s => new FigureTotal(AgreementId.Parse(s.Key.Agreement), s.Key.Indicator, DistrictCode.Parse(s.Key.Registered), s.Value.Units, s.Value.Count)),
        ];
    }

    /// <summary>The (enterprise, indicator) pairs with a figure in <paramref name="month"/> under one agreement booked at or before <paramref name="asOf"/>.</summary>
    public async Task<IReadOnlySet<(string Enterprise, string Indicator)>> ReportedAsync(AgreementId agreement, YearMonth month, Instant asOf, CancellationToken cancellationToken)
    {
        await using var command = Command();
        command.CommandText = $"SELECT enterprise, indicator FROM ({EveryRevision}) f WHERE agreement = @agreement AND month = @month AND booked_ns <= @as_of";
        ReadParameters.Add(command, "agreement", agreement.Value);
        ReadParameters.Add(command, "month", Months.Format(month));
        ReadParameters.Add(command, "as_of", BookingInstant.Bound(asOf));
        var result = new HashSet<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((reader.GetString(0), reader.GetString(1)));
        }

        return result;
    }

    /// <summary>The (enterprise, indicator) pairs with a current figure in <paramref name="month"/> under one agreement.</summary>
    public async Task<IReadOnlySet<(string Enterprise, string Indicator)>> ReportedAsync(AgreementId agreement, YearMonth month, CancellationToken cancellationToken)
    {
        await using var command = Command();
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

    /// <summary>Every revision of every figure booked so far: the current ones and those restatements replaced.</summary>
    private const string EveryRevision = """
        SELECT agreement, enterprise, indicator, month, revision, amount_units, booked_ns FROM figures
        UNION ALL SELECT agreement, enterprise, indicator, month, revision, amount_units, booked_ns FROM replaced_figures
        """;

    private static void AddRange(DbCommand command, YearMonth from, YearMonth to, Instant asOf)
    {
        ReadParameters.Add(command, "from", Months.Format(from));
        ReadParameters.Add(command, "to", Months.Format(to));
        ReadParameters.Add(command, "as_of", BookingInstant.Bound(asOf));
    }

    /// <summary>The registered district of an agreement's enterprise, as the projection totals it; a row of any other is a defect.</summary>
    private static Func<string, string, string> RegisteredOf(IReadOnlyList<AgreementState> agreements)
    {
        var districts = new RegisteredDistricts();
        var byAgreement = agreements.ToDictionary(a => a.Id.Value, districts.Of, StringComparer.Ordinal);
        return (agreement, enterprise) =>
            byAgreement.TryGetValue(agreement, out var registered) && registered.TryGetValue(enterprise, out var district)
                ? district
                : throw new InvalidOperationException($"{enterprise} has rows under {agreement} but is not one of its enterprises.");
    }
}
