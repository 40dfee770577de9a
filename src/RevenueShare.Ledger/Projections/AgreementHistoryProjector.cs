using System.Data;
using RevenueShare.Ledger.Reads;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The agreement's header after each lifecycle event (<c>agreement_history</c>: the row of
/// <see cref="AgreementHeaderRow"/> at that version, with the instant it was booked), so a
/// point-in-time read knows which agreements were open and which terms were in force then.
/// Bookings and reviews change nothing a header keeps but its version and write no row: the table
/// holds a few rows per agreement, off the hot path.
/// </summary>
internal sealed class AgreementHistoryProjector : IReadProjector
{
    private readonly RowStatement insert;

    public AgreementHistoryProjector(ProjectionTransaction transaction)
    {
        insert = transaction.Rows(
            $"""
            INSERT INTO agreement_history ({AgreementHeaderRow.ColumnList}, booked_ns)
            VALUES ({string.Join(", ", AgreementHeaderRow.Columns.Select(c => "@" + c.Name))}, @booked_ns)
            """,
            [.. AgreementHeaderRow.Columns, ("booked_ns", DbType.Int64)]);
    }

    public Task ProjectAsync(ProjectedEvent projected, CancellationToken cancellationToken) => projected.ChangesHeader
        ? insert.AddAsync([.. AgreementHeaderRow.Values(projected.Header, projected.Event.At), BookingInstant.Of(projected.Event.At)], null, cancellationToken)
        : Task.CompletedTask;

    public Task FlushAsync(CancellationToken cancellationToken) => insert.FlushAsync(cancellationToken);
}
