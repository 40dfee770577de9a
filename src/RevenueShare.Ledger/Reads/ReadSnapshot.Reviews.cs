using NodaTime;
using NodaTime.Text;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Ledger.Storage;
using System.Text;

namespace RevenueShare.Ledger.Reads;

// The months' review statuses and decisions, as the snapshot holds them.
public sealed partial class ReadSnapshot
{
    /// <summary>The current review status of months, of one agreement or all, of one month or all; by agreement, month, family.</summary>
    public async Task<IReadOnlyList<ReviewRow>> ReviewsAsync(AgreementId? agreement, YearMonth? month, CancellationToken cancellationToken)
    {
        await using var command = Command();
        var sql = new StringBuilder("SELECT agreement, month, family, status, reason, at, by_office FROM reviews WHERE 1 = 1");
        Filter(command, sql, "agreement", "agreement", agreement?.Value);
        Filter(command, sql, "month", "month", month is { } m ? Months.Format(m) : null);
        sql.Append(" ORDER BY agreement, month, family");
        command.CommandText = sql.ToString();
        var result = new List<ReviewRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new ReviewRow(
                reader.GetString(0),
                Months.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6)));
        }

        return result;
    }

    /// <summary>
    /// The review status of each agreement and family of <paramref name="month"/> at
    /// <paramref name="asOf"/>: the status after the last decision taken at or before it
    /// (<c>review_history</c>), by agreement and family. The instants are compared as instants, read
    /// back from their text: a month has a few decisions per agreement.
    /// </summary>
    public async Task<IReadOnlyList<FamilyReview>> ReviewsAsOfAsync(YearMonth month, Instant asOf, CancellationToken cancellationToken)
    {
        await using var command = Command();
        command.CommandText = "SELECT agreement, family, decision, at FROM review_history WHERE month = @month ORDER BY agreement, family, seq_nr";
        ReadParameters.Add(command, "month", Months.Format(month));
        var last = new Dictionary<(string Agreement, string Family), string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (InstantPattern.ExtendedIso.Parse(reader.GetString(3)).Value <= asOf)
            {
                last[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
            }
        }

        return
        [
            .. last.OrderBy(r => r.Key.Agreement, StringComparer.Ordinal).ThenBy(r => r.Key.Family, StringComparer.Ordinal)
                .Select(r => ReviewRow.ReviewOf(r.Key.Agreement, r.Key.Family, AgreementState.StatusAfter(Enum.Parse<ReviewDecision>(r.Value, ignoreCase: true)))),
        ];
    }

    /// <summary>Every review decision on one month of an agreement, both families, in journal order.</summary>
    public async Task<IReadOnlyList<ReviewDecisionRow>> ReviewHistoryAsync(AgreementId agreement, YearMonth month, CancellationToken cancellationToken)
    {
        await using var command = Command();
        command.CommandText = """
            SELECT family, seq_nr, decision, reason, at, by_office FROM review_history
            WHERE agreement = @agreement AND month = @month ORDER BY seq_nr
            """;
        ReadParameters.Add(command, "agreement", agreement.Value);
        ReadParameters.Add(command, "month", Months.Format(month));
        var result = new List<ReviewDecisionRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new ReviewDecisionRow(
                agreement.Value,
                month,
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5)));
        }

        return result;
    }
}
