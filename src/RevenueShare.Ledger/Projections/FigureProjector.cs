using System.Data;
using System.Data.Common;
using System.Globalization;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The current figures (<c>figures</c>: the highest revision per agreement, enterprise, indicator and
/// month) and their month totals (<c>figure_totals</c>). A first figure adds its amount and counts
/// once; a restatement adds the difference to the figure it replaces, read first (revision 1
/// replaces nothing, since revisions start at 1). The batch's changes are summed in memory and added
/// to the totals at the end of the batch; integer units, checked.
/// </summary>
internal sealed class FigureProjector : IReadProjector
{
    private readonly DbCommand previous;
    private readonly RowStatement upsert;
    private readonly RowStatement totals;
    private readonly Dictionary<TotalKey, (long Units, long Count)> sums = [];
    private bool previousPrepared;

    public FigureProjector(ProjectionTransaction transaction)
    {
        previous = transaction.Command(
            "SELECT amount_units FROM figures WHERE agreement = @agreement AND enterprise = @enterprise AND indicator = @indicator AND month = @month",
            ("agreement", DbType.String), ("enterprise", DbType.String), ("indicator", DbType.String), ("month", DbType.String));
        upsert = transaction.Rows(
            """
            INSERT INTO figures (agreement, enterprise, indicator, month, amount_units, revision, report_id)
            VALUES (@agreement, @enterprise, @indicator, @month, @units, @revision, @report)
            ON CONFLICT (agreement, enterprise, indicator, month) DO UPDATE SET amount_units = excluded.amount_units,
                revision = excluded.revision, report_id = excluded.report_id
            WHERE excluded.revision > figures.revision
            """,
            ("agreement", DbType.String), ("enterprise", DbType.String), ("indicator", DbType.String), ("month", DbType.String),
            ("units", DbType.Int64), ("revision", DbType.Int32), ("report", DbType.String));
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
    }

    public Task ProjectAsync(ProjectedEvent projected, CancellationToken cancellationToken) =>
        projected.Event is FiguresBooked booked ? UpsertAsync(projected, booked, cancellationToken) : Task.CompletedTask;

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        // The upserts' callbacks add to the sums: they run as the upserts are sent.
        await upsert.FlushAsync(cancellationToken);
        foreach (var (key, (units, count)) in sums)
        {
            await totals.AddAsync([key.Month, key.Agreement, key.Indicator, key.Registered, units, count], null, cancellationToken);
        }

        await totals.FlushAsync(cancellationToken);
        sums.Clear();
    }

    private async Task UpsertAsync(ProjectedEvent projected, FiguresBooked booked, CancellationToken cancellationToken)
    {
        foreach (var report in booked.Reports)
        {
            var month = Months.Format(report.Month);
            var units = Amounts.ToUnits(report.Amount, report.Indicator.Scale);
            var replaced = report.Revision > 1 ? await CurrentUnitsAsync(booked.AgreementId.Value, report.Enterprise.Value, report.Indicator.Code, month, cancellationToken) : null;
            var key = new TotalKey(month, booked.AgreementId.Value, report.Indicator.Code, projected.RegisteredDistrictOf(report.Enterprise.Value));
            await upsert.AddAsync(
                [booked.AgreementId.Value, report.Enterprise.Value, report.Indicator.Code, month, units, report.Revision, report.ReportId],
                written =>
                {
                    if (written == 1)
                    {
                        Sum(key, checked(units - (replaced ?? 0)), replaced is null ? 1 : 0);
                    }
                },
                cancellationToken);
        }
    }

    private void Sum(TotalKey key, long units, long count) =>
        sums[key] = sums.TryGetValue(key, out var sum) ? (checked(sum.Units + units), checked(sum.Count + count)) : (units, count);

    /// <summary>The units of the figure a restatement replaces, if the table has one.</summary>
    private async Task<long?> CurrentUnitsAsync(string agreement, string enterprise, string indicator, string month, CancellationToken cancellationToken)
    {
        // The figure it replaces may be in this very batch, still unsent.
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
        var found = await previous.ExecuteScalarAsync(cancellationToken);
        return found is null or DBNull ? null : Convert.ToInt64(found, CultureInfo.InvariantCulture);
    }

    private readonly record struct TotalKey(string Month, string Agreement, string Indicator, string Registered);
}
