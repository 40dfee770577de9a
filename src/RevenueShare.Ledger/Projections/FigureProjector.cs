using System.Data;
using System.Data.Common;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The current figures (<c>figures</c>: the highest revision per agreement, enterprise, indicator and
/// month) and their month totals (<c>figure_totals</c>). A first figure adds its amount and counts
/// once; a restatement adds the difference to the figure it replaces, read first (revision 1
/// replaces nothing, since revisions start at 1). The batch's changes are summed in memory and added
/// to the totals at the end of the batch; integer units, checked. The figure a restatement replaces
/// is kept in <c>replaced_figures</c> with the instant it was booked, for point-in-time reads: the
/// current figure carries its own, so a first figure, nearly all of the traffic, writes no extra row.
/// A first figure (revision 1) is only ever inserted — the agreement books revision 1 only where it
/// has no figure, and each event is projected once — so it goes with the insert-only rows (COPY on
/// PostgreSQL, where an upsert per row kept the server's backend busier than the whole ledger).
/// </summary>
internal sealed class FigureProjector : IReadProjector
{
    private readonly DbCommand previous;
    private readonly InsertOnlyRows firsts;
    private readonly RowStatement upsert;
    private readonly RowStatement totals;
    private readonly InsertOnlyRows replacedRows;
    private readonly Dictionary<TotalKey, (long Units, long Count)> sums = [];
    private readonly List<object?[]> replaced = [];
    private bool previousPrepared;

    public FigureProjector(ProjectionTransaction transaction)
    {
        previous = transaction.Command(
            "SELECT amount_units, revision, booked_ns FROM figures WHERE agreement = @agreement AND enterprise = @enterprise AND indicator = @indicator AND month = @month",
            ("agreement", DbType.String), ("enterprise", DbType.String), ("indicator", DbType.String), ("month", DbType.String));
        firsts = transaction.Inserts(
            "figures",
            ("agreement", DbType.String), ("enterprise", DbType.String), ("indicator", DbType.String), ("month", DbType.String),
            ("amount_units", DbType.Int64), ("revision", DbType.Int32), ("report_id", DbType.String), ("booked_ns", DbType.Int64));
        upsert = transaction.Rows(
            """
            INSERT INTO figures (agreement, enterprise, indicator, month, amount_units, revision, report_id, booked_ns)
            VALUES (@agreement, @enterprise, @indicator, @month, @units, @revision, @report, @booked_ns)
            ON CONFLICT (agreement, enterprise, indicator, month) DO UPDATE SET amount_units = excluded.amount_units,
                revision = excluded.revision, report_id = excluded.report_id, booked_ns = excluded.booked_ns
            WHERE excluded.revision > figures.revision
            """,
            ("agreement", DbType.String), ("enterprise", DbType.String), ("indicator", DbType.String), ("month", DbType.String),
            ("units", DbType.Int64), ("revision", DbType.Int32), ("report", DbType.String), ("booked_ns", DbType.Int64));
        totals = transaction.Rows(
            """
            INSERT INTO figure_totals (month, agreement, indicator, registered, amount_units, figure_count)
            VALUES (@month, @agreement, @indicator, @registered, @units, @count)
            ON CONFLICT (month, agreement, indicator, registered)
            DO UPDATE SET amount_units = figure_totals.amount_units + excluded.amount_units,
                figure_count = figure_totals.figure_count + excluded.figure_count
            """,
            ("month", DbType.String), ("agreement", DbType.String), ("indicator", DbType.String), ("registered", DbType.String),
            ("units", DbType.Int64), ("count", DbType.Int64));
        replacedRows = transaction.Inserts(
            "replaced_figures",
            ("agreement", DbType.String), ("enterprise", DbType.String), ("indicator", DbType.String), ("month", DbType.String),
            ("revision", DbType.Int32), ("amount_units", DbType.Int64), ("booked_ns", DbType.Int64));
    }

    public Task ProjectAsync(ProjectedEvent projected, CancellationToken cancellationToken) =>
        projected.Event is FiguresBooked booked ? UpsertAsync(projected, booked, cancellationToken) : Task.CompletedTask;

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        // The upserts' callbacks add to the sums: they run as the upserts are sent.
        await firsts.FlushAsync(cancellationToken);
        await upsert.FlushAsync(cancellationToken);
        foreach (var (key, (units, count)) in sums)
        {
            await totals.AddAsync([key.Month, key.Agreement, key.Indicator, key.Registered, units, count], null, cancellationToken);
        }

        await totals.FlushAsync(cancellationToken);
        sums.Clear();
        foreach (var row in replaced)
        {
            await replacedRows.AddAsync(row, cancellationToken);
        }

        await replacedRows.FlushAsync(cancellationToken);
        replaced.Clear();
    }

    private async Task UpsertAsync(ProjectedEvent projected, FiguresBooked booked, CancellationToken cancellationToken)
    {
        var bookedNs = BookingInstant.Of(booked.At);
        foreach (var report in booked.Reports)
        {
            var (agreement, enterprise, indicator) = (booked.AgreementId.Value, report.Enterprise.Value, report.Indicator.Code);
            var month = Months.Format(report.Month);
            var units = Amounts.ToUnits(report.Amount, report.Indicator.Scale);
            var key = new TotalKey(month, agreement, indicator, projected.RegisteredDistrictOf(enterprise));
            if (report.Revision == 1)
            {
                await firsts.AddAsync([agreement, enterprise, indicator, month, units, report.Revision, report.ReportId, bookedNs], cancellationToken);
                Sum(key, units, 1);
                continue;
            }

            var current = await CurrentAsync(agreement, enterprise, indicator, month, cancellationToken);
            await upsert.AddAsync(
                [agreement, enterprise, indicator, month, units, report.Revision, report.ReportId, bookedNs],
                written =>
                {
                    if (written != 1)
                    {
                        return;
                    }

                    Sum(key, checked(units - (current?.Units ?? 0)), current is null ? 1 : 0);
                    if (current is { } figure)
                    {
                        replaced.Add([agreement, enterprise, indicator, month, figure.Revision, figure.Units, figure.BookedNs]);
                    }
                },
                cancellationToken);
        }
    }

    private void Sum(TotalKey key, long units, long count) =>
        sums[key] = sums.TryGetValue(key, out var sum) ? (checked(sum.Units + units), checked(sum.Count + count)) : (units, count);

    /// <summary>The figure a restatement replaces, if the table has one.</summary>
    private async Task<(long Units, int Revision, long BookedNs)?> CurrentAsync(string agreement, string enterprise, string indicator, string month, CancellationToken cancellationToken)
    {
        // The figure it replaces may be in this very batch, still unsent.
        await firsts.FlushAsync(cancellationToken);
        await upsert.FlushAsync(cancellationToken);
        if (!previousPrepared)
        {
            await previous.PrepareAsync(cancellationToken);
            previousPrepared = true;
        }

        previous.Parameters[0].Value = agreement;
        previous.Parameters[1].Value = enterprise;
        previous.Parameters[2].Value = indicator;
        previous.Parameters[3].Value = month;
        await using var reader = await previous.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2)) : null;
    }

    private readonly record struct TotalKey(string Month, string Agreement, string Indicator, string Registered);
}
