using System.Data;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// Which agreement each booked reportId was booked under (<c>report_ids</c>), one row per booked
/// figure or history report, read once at start into the <see cref="ReportIds.ReportIdRegistry"/>. On the hot path (a row
/// per report), so only ever inserted, in bulk (<see cref="InsertOnlyRows"/>).
/// </summary>
internal sealed class ReportIdProjector : IReadProjector
{
    private readonly InsertOnlyRows rows;

    public ReportIdProjector(ProjectionTransaction transaction)
    {
        rows = transaction.Inserts("report_ids", ("report_id", DbType.String), ("agreement", DbType.String));
    }

    public async Task ProjectAsync(ProjectedEvent projected, CancellationToken cancellationToken)
    {
        var reports = projected.Event switch
        {
            FiguresBooked booked => booked.Reports,
            HistoryReported history => history.Reports,
            _ => [],
        };
        foreach (var report in reports)
        {
            await rows.AddAsync([report.ReportId, projected.Event.AgreementId.Value], cancellationToken);
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken) => rows.FlushAsync(cancellationToken);
}
