using System.Data.Common;
using System.Text;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Reads;

// The allocation and adjustment entries, as the snapshot holds them.
public sealed partial class ReadSnapshot
{
    /// <summary>Entries in booking order (agreement, then journal order), then canonical order within an event.</summary>
    public async Task<IReadOnlyList<AllocationEntryRow>> AllocationsAsync(AllocationQuery query, CancellationToken cancellationToken)
    {
        await using var command = Command();
        var sql = new StringBuilder("""
            SELECT e.agreement, e.enterprise, e.indicator, e.month, e.district, e.amount_units, e.kind, e.cause, e.ratio,
                   e.base_part, e.shared_part, e.cap_before, e.cap_after, e.double_count, e.booked_at, e.booked_by
            FROM allocation_entries e WHERE 1 = 1
            """);
        Filter(command, sql, "e.agreement", "agreement", query.Agreement?.Value);
        Filter(command, sql, "e.district", "district", query.District?.Value);
        Filter(command, sql, "e.indicator", "indicator", query.Indicator);
        if (query.From is { } from)
        {
            sql.Append(" AND e.month >= @from");
            ReadParameters.Add(command, "from", Months.Format(from));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND e.month <= @to");
            ReadParameters.Add(command, "to", Months.Format(to));
        }

        var families = query.Families.ToArray();
        sql.Append(" AND e.family IN (").Append(string.Join(", ", families.Select((_, i) => "@family" + i))).Append(')');
        for (var i = 0; i < families.Length; i++)
        {
            ReadParameters.Add(command, "family" + i, families[i]);
        }

        if (query.AsOf is { } asOf)
        {
            sql.Append(" AND e.booked_ns <= @as_of");
            ReadParameters.Add(command, "as_of", BookingInstant.Bound(asOf));
        }

        if (query.PartyDistrict is { } party)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement = e.agreement AND p.district = @party)");
            ReadParameters.Add(command, "party", party.Value);
        }

        sql.Append(" ORDER BY e.agreement, e.seq_nr, e.idx");
        command.CommandText = sql.ToString();
        var result = new List<AllocationEntryRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(ReadEntry(reader));
        }

        return result;
    }

    private static void Filter(DbCommand command, StringBuilder sql, string column, string name, string? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(column).Append(" = @").Append(name);
            ReadParameters.Add(command, name, value);
        }
    }

    private AllocationEntryRow ReadEntry(DbDataReader reader)
    {
        var indicator = reader.GetString(2);
        var scale = reference.Indicator(indicator).Scale;
        return new AllocationEntryRow(
            reader.GetString(0),
            reader.GetString(1),
            indicator,
            Months.Parse(reader.GetString(3)),
            reader.GetString(4),
            Amounts.Round(Amounts.FromUnits(reader.GetInt64(5), scale), scale),
            reader.GetString(6),
            reader.GetString(7),
            reader.GetString(8),
            reader.GetString(9),
            reader.GetString(10),
            reader.IsDBNull(11) ? null : reader.GetString(11),
            reader.IsDBNull(12) ? null : reader.GetString(12),
            reader.GetInt64(13) != 0,
            reader.GetString(14),
            reader.GetString(15));
    }
}
