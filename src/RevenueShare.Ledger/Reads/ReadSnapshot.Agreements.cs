using System.Runtime.CompilerServices;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Reads;

// The agreements, their audit trails and the reportIds booked under them, as the snapshot holds
// them.
public sealed partial class ReadSnapshot
{
    /// <summary>
    /// Agreements (lifecycle and terms, no figures or reviews: <see cref="AgreementHeaderRow"/>), all or
    /// those a district is party to, each at the version it is projected to. The headers are read once
    /// per lifecycle event and kept: a report over every agreement reads their ids and versions, not
    /// 200 headers with their terms (bookings and reviews advance an agreement's version, not its
    /// header, so under a stream of figures the kept headers stay good).
    /// </summary>
    public async Task<IReadOnlyList<AgreementState>> AgreementsAsync(DistrictCode? partyDistrict, CancellationToken cancellationToken)
    {
        var listed = new List<(AgreementId Id, long Version, long HeaderVersion)>();
        await using (var command = Command())
        {
            command.CommandText = partyDistrict is null
                ? "SELECT a.id, v.version, a.version FROM agreements a JOIN agreement_versions v ON v.id = a.id ORDER BY a.id"
                : """
                  SELECT a.id, v.version, a.version FROM agreements a JOIN agreement_versions v ON v.id = a.id
                  JOIN agreement_parties p ON p.agreement = a.id WHERE p.district = @district ORDER BY a.id
                  """;
            ReadParameters.Add(command, "district", partyDistrict?.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                listed.Add((AgreementId.Parse(reader.GetString(0)), reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        var result = new List<AgreementState>(listed.Count);
        await using var header = Command();
        header.CommandText = $"SELECT {AgreementHeaderRow.ColumnList} FROM agreements WHERE id = @id";
        ReadParameters.Add(header, "id", null);
        foreach (var (id, version, headerVersion) in listed)
        {
            if (!headers.TryGetValue(id, out var state) || state.Version < headerVersion)
            {
                header.Parameters[0].Value = id.Value;
                await using var reader = await header.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                var fresh = AgreementHeaderRow.Read(reader, reference);
                state = headers.AddOrUpdate(id, fresh, (_, known) => known.Version >= fresh.Version ? known : fresh);
            }

            result.Add(state.Version == version ? state : state with { Version = version });
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
        await using var command = Command();
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
        await using var command = Command();
        command.CommandText = "SELECT report_id, agreement FROM report_ids";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetString(0), AgreementId.Parse(reader.GetString(1)));
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(AgreementId agreementId, CancellationToken cancellationToken)
    {
        await using var command = Command();
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
}
