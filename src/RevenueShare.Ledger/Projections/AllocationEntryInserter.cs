using System.Data.Common;
using NodaTime;
using NodaTime.Text;
using Npgsql;
using NpgsqlTypes;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// Inserts booked entries, the hot path of the read side: on SQLite one prepared statement per
/// projection batch (<see cref="RowStatement"/>), on PostgreSQL binary COPY. The table has no unique key (one index fewer to keep per row): an event is projected once,
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

    /// <summary>Rows copied per COPY on PostgreSQL: enough to make each a bulk load, few enough to bound the buffer.</summary>
    private const int CopyRows = 20_000;

    private readonly RowStatement? insert;
    private readonly NpgsqlConnection? postgres;
    private readonly List<object?[]> copy = [];
    private readonly ReferenceData reference;

    public AllocationEntryInserter(DbConnection connection, DbTransaction transaction, ReferenceData reference)
    {
        this.reference = reference;

        // Entries are only ever inserted (no conflict to resolve), which is what PostgreSQL's COPY is
        // for: one bulk load instead of a parsed, planned and executed INSERT per row.
        if (connection is NpgsqlConnection npgsql)
        {
            postgres = npgsql;
            return;
        }

        insert = new RowStatement(
            connection,
            transaction,
            $"INSERT INTO allocation_entries ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})",
            [.. Columns.Select(name => (name, name switch
            {
                "seq_nr" or "amount_units" => System.Data.DbType.Int64,
                "idx" or "double_count" => System.Data.DbType.Int32,
                _ => System.Data.DbType.String,
            }))]);
    }

    /// <summary>Inserts the entries of one event and adds them to <paramref name="totals"/> (<paramref name="registered"/>: each enterprise's registered district).</summary>
    public async Task InsertAsync(
        string agreement, long sequenceNr, IReadOnlyList<BookedEntry> entries, Instant at, string by,
        IReadOnlyDictionary<string, string> registered, ReportTotals totals, CancellationToken cancellationToken)
    {
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
            object?[] row =
            [
                agreement, sequenceNr, i, line.Enterprise.Value, line.Indicator, family, month, line.District, units,
                entry.Change.Kind == AllocationChangeKind.Allocation ? "allocation" : "adjustment", entry.Cause,
                Percent(line.Ratio), Amounts.Format(line.BasePart, scale), Amounts.Format(line.SharedPart, scale),
                line.CapRemainingBefore is { } before ? Amounts.Format(before, scale) : null,
                line.CapRemainingAfter is { } after ? Amounts.Format(after, scale) : null,
                line.DoubleCount ? 1 : 0, bookedAt, by,
            ];
            if (insert is not null)
            {
                await insert.AddAsync(row, null, cancellationToken);
            }
            else
            {
                copy.Add(row);
                if (copy.Count >= CopyRows)
                {
                    await CopyAsync(cancellationToken);
                }
            }

            totals.AddEntry(month, line.Indicator, family, line.District, Registered(registered, agreement, line.Enterprise.Value), line.DoubleCount, units);
        }
    }

    /// <summary>Sends the entries not yet sent; before the transaction commits.</summary>
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
            $"COPY allocation_entries ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken))
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

    internal static string Registered(IReadOnlyDictionary<string, string> registered, string agreement, string enterprise) =>
        registered.TryGetValue(enterprise, out var district)
            ? district
            : throw new InvalidOperationException($"{enterprise} has an entry under {agreement} but is not one of its enterprises.");

    /// <summary>Percents print without trailing zeros: "50", "33.33".</summary>
    internal static string Percent(decimal ratio) =>
        ratio.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
