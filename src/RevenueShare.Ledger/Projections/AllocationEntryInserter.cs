using System.Data.Common;
using NodaTime;
using NodaTime.Text;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// Inserts booked entries with one prepared statement per projection batch: the hot path of the read
/// side. The table has no unique key (one index fewer to keep per row): an event is projected once,
/// because the writer skips any event at or below the agreement's header version, which commits with
/// the entries.
/// </summary>
internal sealed class AllocationEntryInserter : IAsyncDisposable
{
    private static readonly string[] Columns =
    [
        "agreement", "seq_nr", "idx", "enterprise", "indicator", "family", "month", "district", "amount_units", "kind",
        "cause", "ratio", "base_part", "shared_part", "cap_before", "cap_after", "double_count", "booked_at", "booked_by",
    ];

    private readonly DbCommand command;
    private readonly DbParameter[] parameters;
    private readonly ReferenceData reference;
    private bool prepared;

    public AllocationEntryInserter(DbConnection connection, DbTransaction transaction, ReferenceData reference)
    {
        this.reference = reference;
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO allocation_entries ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";
        // Typed before Prepare: PostgreSQL prepares against parameter types, and an untyped
        // parameter without a value cannot be prepared there (SQLite does not mind).
        parameters = Columns.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.DbType = name switch
            {
                "seq_nr" or "amount_units" => System.Data.DbType.Int64,
                "idx" or "double_count" => System.Data.DbType.Int32,
                _ => System.Data.DbType.String,
            };
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
    }

    /// <summary>Inserts the entries of one event and adds them to <paramref name="totals"/> (<paramref name="registered"/>: each enterprise's registered district).</summary>
    public async Task InsertAsync(
        string agreement, long sequenceNr, IReadOnlyList<BookedEntry> entries, Instant at, string by,
        IReadOnlyDictionary<string, string> registered, ReportTotals totals, CancellationToken cancellationToken)
    {
        if (!prepared)
        {
            await command.PrepareAsync(cancellationToken);
            prepared = true;
        }

        var bookedAt = InstantPattern.ExtendedIso.Format(at);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var line = entry.Change.Line;
            var indicator = reference.Indicator(line.Indicator);
            var scale = indicator.Scale;
            var family = indicator.Family == IndicatorFamily.Tax ? "tax" : "statistics";
            var month = Months.Format(line.Month);
            var units = AmountUnits.ToUnits(entry.Change.Amount, scale);
            Set(0, agreement);
            Set(1, sequenceNr);
            Set(2, i);
            Set(3, line.Enterprise.Value);
            Set(4, line.Indicator);
            Set(5, family);
            Set(6, month);
            Set(7, line.District);
            Set(8, units);
            Set(9, entry.Change.Kind == AllocationChangeKind.Allocation ? "allocation" : "adjustment");
            Set(10, entry.Cause);
            Set(11, Percent(line.Ratio));
            Set(12, Amounts.Format(line.BasePart, scale));
            Set(13, Amounts.Format(line.SharedPart, scale));
            Set(14, line.CapRemainingBefore is { } before ? Amounts.Format(before, scale) : null);
            Set(15, line.CapRemainingAfter is { } after ? Amounts.Format(after, scale) : null);
            Set(16, line.DoubleCount ? 1 : 0);
            Set(17, bookedAt);
            Set(18, by);
            await command.ExecuteNonQueryAsync(cancellationToken);
            totals.AddEntry(month, line.Indicator, family, line.District, Registered(registered, agreement, line.Enterprise.Value), line.DoubleCount, units);
        }
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    internal static string Registered(IReadOnlyDictionary<string, string> registered, string agreement, string enterprise) =>
        registered.TryGetValue(enterprise, out var district)
            ? district
            : throw new InvalidOperationException($"{enterprise} has an entry under {agreement} but is not one of its enterprises.");

    /// <summary>Percents print without trailing zeros: "50", "33.33".</summary>
    internal static string Percent(decimal ratio) =>
        ratio.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private void Set(int index, object? value) => parameters[index].Value = value ?? DBNull.Value;
}
