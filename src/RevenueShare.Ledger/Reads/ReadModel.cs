using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using NodaTime;
using NodaTime.Text;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// Queries over the read tables. Each first waits on the <see cref="ReadBarrier"/>, so a read issued
/// after an acknowledged write reflects it.
/// </summary>
public sealed class ReadModel
{
    private readonly ReadDatabase database;
    private readonly ReadBarrier barrier;
    private readonly ReferenceData reference;
    private readonly ConcurrentDictionary<AgreementId, AgreementState> headers = new();

    public ReadModel(ReadDatabase database, ReadBarrier barrier, ReferenceData reference)
    {
        this.database = database;
        this.barrier = barrier;
        this.reference = reference;
    }

    /// <summary>
    /// Agreements (lifecycle and terms, no figures or reviews: <see cref="AgreementHeaderRow"/>), all or
    /// those a district is party to. The headers are read once per version and kept: a report over
    /// every agreement reads their ids and versions, not 200 headers with their terms (a header is the
    /// same for the same agreement and version).
    /// </summary>
    public async Task<IReadOnlyList<AgreementState>> AgreementsAsync(DistrictCode? partyDistrict, CancellationToken cancellationToken)
    {
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var listed = new List<(AgreementId Id, long Version)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = partyDistrict is null
                ? "SELECT id, version FROM agreements ORDER BY id"
                : "SELECT a.id, a.version FROM agreements a JOIN agreement_parties p ON p.agreement = a.id WHERE p.district = @district ORDER BY a.id";
            ReadParameters.Add(command, "district", partyDistrict?.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                listed.Add((AgreementId.Parse(reader.GetString(0)), reader.GetInt64(1)));
            }
        }

        var result = new List<AgreementState>(listed.Count);
        await using var header = connection.CreateCommand();
        header.CommandText = $"SELECT {AgreementHeaderRow.ColumnList} FROM agreements WHERE id = @id";
        ReadParameters.Add(header, "id", null);
        foreach (var (id, version) in listed)
        {
            if (!headers.TryGetValue(id, out var state) || state.Version < version)
            {
                header.Parameters[0].Value = id.Value;
                await using var reader = await header.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                var fresh = AgreementHeaderRow.Read(reader, reference);
                state = headers.AddOrUpdate(id, fresh, (_, known) => known.Version >= fresh.Version ? known : fresh);
            }

            result.Add(state);
        }

        return result;
    }

    /// <summary>
    /// Every agreement as its header stood at <paramref name="asOf"/> (the last lifecycle event booked at
    /// or before it, <c>agreement_history</c>), by id; one created later is not there. Not kept: a
    /// point-in-time read is rare, and each asks about an instant of its own.
    /// </summary>
    public async Task<IReadOnlyList<AgreementState>> AgreementsAsOfAsync(Instant asOf, CancellationToken cancellationToken)
    {
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {AgreementHeaderRow.ColumnList} FROM agreement_history h
            WHERE h.version = (SELECT MAX(l.version) FROM agreement_history l WHERE l.id = h.id AND l.booked_ns <= @as_of)
            ORDER BY h.id
            """;
        ReadParameters.Add(command, "as_of", BookingInstant.Bound(asOf));
        var result = new List<AgreementState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(AgreementHeaderRow.Read(reader, reference));
        }

        return result;
    }

    /// <summary>Every reportId booked so far and the agreement it was booked under, streamed: there are millions.</summary>
    public async IAsyncEnumerable<(string ReportId, AgreementId Agreement)> BookedReportIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT report_id, agreement FROM report_ids";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetString(0), AgreementId.Parse(reader.GetString(1)));
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(AgreementId agreementId, CancellationToken cancellationToken)
    {
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq_nr, at, by_office, type, reason, detail FROM audit_events WHERE agreement = @agreement ORDER BY seq_nr";
        ReadParameters.Add(command, "agreement", agreementId.Value);
        var result = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new AuditEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5)));
        }

        return result;
    }

    /// <summary>The current review status of months, of one agreement or all, of one month or all; by agreement, month, family.</summary>
    public async Task<IReadOnlyList<ReviewRow>> ReviewsAsync(AgreementId? agreement, YearMonth? month, CancellationToken cancellationToken)
    {
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
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
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
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
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
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

    /// <summary>Entries in booking order (agreement, then journal order), then canonical order within an event.</summary>
    public async Task<IReadOnlyList<AllocationEntryRow>> AllocationsAsync(AllocationQuery query, CancellationToken cancellationToken)
    {
        await barrier.WaitAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
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
