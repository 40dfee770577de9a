using System.Data;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// Every revision of every figure with the instant it was booked (<c>figure_revisions</c>), for
/// point-in-time reads: <c>figures</c> keeps only the current revision, so a figure restated after
/// an instant would otherwise answer for that instant with its later amount. One row per booked
/// report on the insert-only path (<see cref="InsertOnlyRows"/>).
/// </summary>
internal sealed class FigureRevisionProjector : IReadProjector
{
    private readonly InsertOnlyRows revisions;

    public FigureRevisionProjector(ProjectionTransaction transaction)
    {
        revisions = transaction.Inserts(
            "figure_revisions",
            ("agreement", DbType.String), ("enterprise", DbType.String), ("indicator", DbType.String), ("month", DbType.String),
            ("revision", DbType.Int32), ("amount_units", DbType.Int64), ("booked_ns", DbType.Int64));
    }

    public async Task ProjectAsync(ProjectedEvent projected, CancellationToken cancellationToken)
    {
        if (projected.Event is not FiguresBooked booked)
        {
            return;
        }

        var bookedNs = BookingInstant.Of(booked.At);
        foreach (var report in booked.Reports)
        {
            await revisions.AddAsync(
                [
                    booked.AgreementId.Value, report.Enterprise.Value, report.Indicator.Code, Months.Format(report.Month),
                    report.Revision, Amounts.ToUnits(report.Amount, report.Indicator.Scale), bookedNs,
                ],
                cancellationToken);
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken) => revisions.FlushAsync(cancellationToken);
}
