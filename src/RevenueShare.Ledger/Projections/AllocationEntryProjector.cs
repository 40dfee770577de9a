using System.Collections.Immutable;
using System.Data;
using NodaTime.Text;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The booked entries (<c>allocation_entries</c>, the hot path of the read side: rows only ever
/// inserted, <see cref="InsertOnlyRows"/>) and their month totals (<c>allocation_totals</c>), which
/// the batch's entries are summed into in memory and added to at the end of the batch. Integer units,
/// checked: an overflow fails the batch rather than storing a wrong total.
/// </summary>
internal sealed class AllocationEntryProjector : IReadProjector
{
    private readonly InsertOnlyRows entries;
    private readonly RowStatement totals;
    private readonly Dictionary<TotalKey, (string Family, long Units)> sums = [];

    public AllocationEntryProjector(ProjectionTransaction transaction)
    {
        entries = transaction.Inserts(
            "allocation_entries",
            ("agreement", DbType.String), ("seq_nr", DbType.Int64), ("idx", DbType.Int32), ("enterprise", DbType.String),
            ("indicator", DbType.String), ("family", DbType.String), ("month", DbType.String), ("district", DbType.String),
            ("amount_units", DbType.Int64), ("kind", DbType.String), ("cause", DbType.String), ("ratio", DbType.String),
            ("base_part", DbType.String), ("shared_part", DbType.String), ("cap_before", DbType.String), ("cap_after", DbType.String),
            ("double_count", DbType.Int32), ("booked_at", DbType.String), ("booked_by", DbType.String), ("booked_ns", DbType.Int64));
        totals = transaction.Rows(
            """
            INSERT INTO allocation_totals (month, indicator, family, district, registered, double_count, amount_units)
            VALUES (@month, @indicator, @family, @district, @registered, @double_count, @units)
            ON CONFLICT (month, indicator, district, registered, double_count)
            DO UPDATE SET amount_units = allocation_totals.amount_units + excluded.amount_units
            """,
            ("month", DbType.String), ("indicator", DbType.String), ("family", DbType.String), ("district", DbType.String),
            ("registered", DbType.String), ("double_count", DbType.Int32), ("units", DbType.Int64));
    }

    public Task ProjectAsync(ProjectedEvent projected, CancellationToken cancellationToken) => projected.Event switch
    {
        FiguresBooked booked => InsertAsync(projected, booked.Entries, cancellationToken),
        AmendmentApproved approved => InsertAsync(projected, approved.Entries, cancellationToken),
        FactorsReported reported => InsertAsync(projected, reported.Entries, cancellationToken),
        _ => Task.CompletedTask,
    };

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await entries.FlushAsync(cancellationToken);
        foreach (var (key, (family, units)) in sums)
        {
            await totals.AddAsync([key.Month, key.Indicator, family, key.District, key.Registered, key.DoubleCount, units], null, cancellationToken);
        }

        await totals.FlushAsync(cancellationToken);
        sums.Clear();
    }

    /// <summary>Percents print without trailing zeros: "50", "33.33".</summary>
    private async Task InsertAsync(ProjectedEvent projected, ImmutableArray<BookedEntry> booked, CancellationToken cancellationToken)
    {
        var @event = projected.Event;
        var bookedAt = InstantPattern.ExtendedIso.Format(@event.At);
        var bookedNs = BookingInstant.Of(@event.At);
        for (var i = 0; i < booked.Length; i++)
        {
            var entry = booked[i];
            var line = entry.Change.Line;
            var indicator = line.Indicator;
            var scale = indicator.Scale;
            var family = indicator.Family.WireName();
            var month = Months.Format(line.Month);
            var units = Amounts.ToUnits(entry.Change.Amount, scale);
            await entries.AddAsync(
                [
                    @event.AgreementId.Value, projected.SequenceNr, i, line.Enterprise.Value, indicator.Code, family, month, line.District.Value, units,
                    entry.Change.Kind.WireName(), entry.Cause,
                    Amounts.FormatPercent(line.Ratio), Amounts.Format(line.BasePart, scale), Amounts.Format(line.SharedPart, scale),
                    line.CapRemainingBefore is { } before ? Amounts.Format(before, scale) : null,
                    line.CapRemainingAfter is { } after ? Amounts.Format(after, scale) : null,
                    line.DoubleCount ? 1 : 0, bookedAt, @event.By.ToString(), bookedNs,
                ],
                cancellationToken);

            var key = new TotalKey(month, indicator.Code, line.District.Value, projected.RegisteredDistrictOf(line.Enterprise.Value), line.DoubleCount ? 1 : 0);
            sums[key] = sums.TryGetValue(key, out var sum) ? (family, checked(sum.Units + units)) : (family, units);
        }
    }

    private readonly record struct TotalKey(string Month, string Indicator, string District, string Registered, int DoubleCount);
}
