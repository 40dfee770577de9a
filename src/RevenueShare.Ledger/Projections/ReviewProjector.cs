using System.Data;
using NodaTime.Text;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Reads;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The reviews of months: the current status of each month and family (<c>reviews</c>, what the
/// reconciliation lists) and every decision that led to it (<c>review_history</c>, what the reviews
/// route shows), with its reason, instant and office.
/// </summary>
internal sealed class ReviewProjector : IReadProjector
{
    private readonly RowStatement status;
    private readonly RowStatement history;

    public ReviewProjector(ProjectionTransaction transaction)
    {
        status = transaction.Rows(
            """
            INSERT INTO reviews (agreement, month, family, status, reason, at, by_office)
            VALUES (@agreement, @month, @family, @status, @reason, @at, @by)
            ON CONFLICT (agreement, month, family) DO UPDATE SET status = excluded.status, reason = excluded.reason,
                at = excluded.at, by_office = excluded.by_office
            """,
            ("agreement", DbType.String), ("month", DbType.String), ("family", DbType.String), ("status", DbType.String),
            ("reason", DbType.String), ("at", DbType.String), ("by", DbType.String));
        history = transaction.Rows(
            """
            INSERT INTO review_history (agreement, month, family, seq_nr, decision, reason, at, by_office)
            VALUES (@agreement, @month, @family, @seq, @decision, @reason, @at, @by) ON CONFLICT DO NOTHING
            """,
            ("agreement", DbType.String), ("month", DbType.String), ("family", DbType.String), ("seq", DbType.Int64),
            ("decision", DbType.String), ("reason", DbType.String), ("at", DbType.String), ("by", DbType.String));
    }

    public async Task ProjectAsync(ProjectedEvent projected, CancellationToken cancellationToken)
    {
        if (projected.Event is not MonthReviewed reviewed)
        {
            return;
        }

        var month = Months.Format(reviewed.Month);
        var family = reviewed.Family.WireName();
        var at = InstantPattern.ExtendedIso.Format(reviewed.At);

        // The status is the one the agreement holds after the decision: the header has applied it.
        var after = ReviewRow.NameOf(projected.Header.ReviewOf(reviewed.Month, reviewed.Family)!.Value);
        await status.AddAsync([reviewed.AgreementId.Value, month, family, after, reviewed.Reason, at, reviewed.By.ToString()], null, cancellationToken);
        await history.AddAsync(
            [reviewed.AgreementId.Value, month, family, projected.SequenceNr, ReviewRow.NameOf(reviewed.Decision), reviewed.Reason, at, reviewed.By.ToString()],
            null,
            cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await status.FlushAsync(cancellationToken);
        await history.FlushAsync(cancellationToken);
    }
}
