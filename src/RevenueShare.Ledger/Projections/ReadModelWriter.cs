using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Akka.Persistence.Query;
using NodaTime;
using NodaTime.Text;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Ledger.Reads;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Serialization.Wire;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// Writes a batch of journal events into the read tables in one transaction, together with the
/// projection's offset, so a crash never leaves the tables ahead of or behind the offset. Every write
/// is an upsert or an insert that ignores a row already there: replaying a batch changes nothing.
/// </summary>
public sealed class ReadModelWriter
{
    public const string ProjectionName = "agreements";

    private readonly ReadDatabase database;
    private readonly ReferenceData reference;
    private readonly Dictionary<string, AgreementState> headers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ImmutableArray<CoveredEnterprise> Enterprises, Dictionary<string, string> Districts)> registrations = new(StringComparer.Ordinal);

    public ReadModelWriter(ReadDatabase database, ReferenceData reference)
    {
        this.database = database;
        this.reference = reference;
    }

    public async Task<long> LoadOffsetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM projection_offsets WHERE name = @name";
        Add(command, "name", ProjectionName);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? 0 : Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    public async Task WriteAsync(IReadOnlyList<EventEnvelope> envelopes, CancellationToken cancellationToken)
    {
        if (envelopes.Count == 0)
        {
            return;
        }

        try
        {
            await WriteBatchAsync(envelopes, cancellationToken);
        }
        catch
        {
            // The cached headers ran ahead of a transaction that did not commit: forget them so the
            // retried batch is applied to what the tables really hold.
            headers.Clear();
            throw;
        }
    }

    private async Task WriteBatchAsync(IReadOnlyList<EventEnvelope> envelopes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(durable: false, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var entries = new AllocationEntryInserter(connection, transaction, reference);
        var totals = new ReportTotals();

        // A header is written once per batch, after its last event: a batch holds many events of each agreement.
        var changed = new Dictionary<string, (AgreementState Header, Instant At)>(StringComparer.Ordinal);
        foreach (var envelope in envelopes)
        {
            if (envelope.Event is not IAgreementEvent @event)
            {
                continue;
            }

            var header = await HeaderAsync(connection, transaction, @event.AgreementId, cancellationToken);
            if (header is not null && header.Version >= envelope.SequenceNr)
            {
                continue;
            }

            header = @event switch
            {
                AgreementCreated created => AgreementState.Created(created),

                // Booked figures change nothing a header keeps but its version; applying them would build
                // the books only for Slim to drop them.
                FiguresBooked => header! with { Version = header.Version + 1 },
                _ => Slim(header!.Apply(@event)),
            };
            headers[@event.AgreementId] = header;
            changed[@event.AgreementId] = (header, @event.At);
            await AuditAsync(connection, transaction, envelope.SequenceNr, @event, cancellationToken);
            switch (@event)
            {
                case FiguresBooked booked:
                    await entries.InsertAsync(booked.AgreementId, envelope.SequenceNr, booked.Entries, booked.At, booked.By.ToString(), Registrations(header), totals, cancellationToken);
                    await FiguresAsync(connection, transaction, booked, Registrations(header), totals, cancellationToken);
                    break;
                case AmendmentApproved approved:
                    await entries.InsertAsync(approved.AgreementId, envelope.SequenceNr, approved.Entries, approved.At, approved.By.ToString(), Registrations(header), totals, cancellationToken);
                    break;
                case MonthReviewed reviewed:
                    await ReviewAsync(connection, transaction, reviewed, header, cancellationToken);
                    break;
            }
        }

        await entries.FlushAsync(cancellationToken);
        foreach (var (header, at) in changed.Values)
        {
            await SaveHeaderAsync(connection, transaction, header, at, cancellationToken);
        }

        await totals.FlushAsync(connection, transaction, cancellationToken);
        var offset = ((Sequence)envelopes[^1].Offset).Value;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO projection_offsets (name, position) VALUES (@name, @position)
                ON CONFLICT (name) DO UPDATE SET position = excluded.position
                """;
            Add(command, "name", ProjectionName);
            Add(command, "position", offset);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Adds <c>@name</c>. The prefix matters for speed: Microsoft.Data.Sqlite looks an unprefixed name
    /// up under each of its three prefixes on every execution (most of the projection's insert time);
    /// Npgsql takes either form.
    /// </summary>
    internal static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Each enterprise's registered district under the agreement, by credit code (rebuilt only when the enterprises change: in Draft).</summary>
    private IReadOnlyDictionary<string, string> Registrations(AgreementState header)
    {
        if (registrations.TryGetValue(header.Id, out var known) && known.Enterprises == header.Rules.Enterprises)
        {
            return known.Districts;
        }

        var districts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var enterprise in header.Rules.Enterprises)
        {
            districts[enterprise.Id.Value] = enterprise.RegisteredDistrict;
        }

        registrations[header.Id] = (header.Rules.Enterprises, districts);
        return districts;
    }

    /// <summary>The header keeps the lifecycle and terms only: the figures live in their own tables.</summary>
    private static AgreementState Slim(AgreementState state) =>
        state with { Books = state.Books.Clear(), Reports = ReportIndex.Empty };

    private static string Instant(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private async Task<AgreementState?> HeaderAsync(DbConnection connection, DbTransaction transaction, string agreementId, CancellationToken cancellationToken)
    {
        if (headers.TryGetValue(agreementId, out var cached))
        {
            return cached;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT header FROM agreements WHERE id = @id";
        Add(command, "id", agreementId);
        if (await command.ExecuteScalarAsync(cancellationToken) is not string json)
        {
            return null;
        }

        var header = JsonSerializer.Deserialize<AgreementSnapshotV1Wire>(json, WireJson.Options)!.ToState();
        headers[agreementId] = header;
        return header;
    }

    private static async Task SaveHeaderAsync(DbConnection connection, DbTransaction transaction, AgreementState header, Instant at, CancellationToken cancellationToken)
    {
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO agreements (id, title, state, substate, version, proposer, effective_from, effective_to, updated_at, header)
                VALUES (@id, @title, @state, @substate, @version, @proposer, @from, @to, @at, @header)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, state = excluded.state, substate = excluded.substate,
                    version = excluded.version, proposer = excluded.proposer, effective_from = excluded.effective_from,
                    effective_to = excluded.effective_to, updated_at = excluded.updated_at, header = excluded.header
                """;
            Add(command, "id", header.Id);
            Add(command, "title", header.Terms.Title);
            Add(command, "state", header.TopLevelStatus.ToString());
            Add(command, "substate", header.IsActive ? header.Status.ToString() : null);
            Add(command, "version", header.Version);
            Add(command, "proposer", header.Proposer);
            Add(command, "from", Months.Format(header.Terms.Effective.From));
            Add(command, "to", Months.Format(header.Terms.Effective.To));
            Add(command, "at", Instant(at));
            Add(command, "header", JsonSerializer.Serialize(AgreementSnapshotV1Wire.Of(header), WireJson.Options));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var party in header.Terms.Parties)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO agreement_parties (agreement, district) VALUES (@agreement, @district) ON CONFLICT DO NOTHING";
            Add(command, "agreement", header.Id);
            Add(command, "district", party.District);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task AuditAsync(DbConnection connection, DbTransaction transaction, long sequenceNr, IAgreementEvent @event, CancellationToken cancellationToken)
    {
        var detail = @event switch
        {
            FiguresBooked booked => JsonSerializer.Serialize(new { reports = booked.Reports.Length, entries = booked.Entries.Length, reportIds = booked.Reports.Select(r => r.ReportId) }, WireJson.Options),
            AmendmentApproved approved => JsonSerializer.Serialize(new { approved.Number, entries = approved.Entries.Length }, WireJson.Options),
            // Every other event is shown as the journal stores it: its wire record's JSON.
            _ => Encoding.UTF8.GetString(LedgerSerializer.Payload(@event)),
        };
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit_events (agreement, seq_nr, at, by_office, type, reason, detail)
            VALUES (@agreement, @seq, @at, @by, @type, @reason, @detail) ON CONFLICT DO NOTHING
            """;
        Add(command, "agreement", @event.AgreementId);
        Add(command, "seq", sequenceNr);
        Add(command, "at", Instant(@event.At));
        Add(command, "by", @event.By.ToString());
        Add(command, "type", AuditType(@event));
        Add(command, "reason", (@event as IReasonedEvent)?.Reason);
        Add(command, "detail", detail);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The event's name in the audit trail: its manifest without the version.</summary>
    private static string AuditType(IAgreementEvent @event) =>
        LedgerSerializer.ManifestFor(@event.GetType()).Split('.')[0];

    /// <summary>The current review status of the month and family: the header has already applied the event.</summary>
    private static async Task ReviewAsync(DbConnection connection, DbTransaction transaction, MonthReviewed reviewed, AgreementState header, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO reviews (agreement, month, family, status, reason, at, by_office)
            VALUES (@agreement, @month, @family, @status, @reason, @at, @by)
            ON CONFLICT (agreement, month, family) DO UPDATE SET status = excluded.status, reason = excluded.reason,
                at = excluded.at, by_office = excluded.by_office
            """;
        Add(command, "agreement", reviewed.AgreementId);
        Add(command, "month", Months.Format(reviewed.Month));
        Add(command, "family", ReviewRow.NameOf(reviewed.Family));
        Add(command, "status", ReviewRow.NameOf(header.ReviewOf(reviewed.Month, reviewed.Family)!.Value));
        Add(command, "reason", reviewed.Reason);
        Add(command, "at", Instant(reviewed.At));
        Add(command, "by", reviewed.By.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Upserts the current figures and adds each change to <paramref name="totals"/>: a first figure
    /// adds its amount and counts once; a restatement adds the difference to the figure it replaces
    /// (read first; revision 1 has none to replace, since revisions start at 1).
    /// </summary>
    private async Task FiguresAsync(
        DbConnection connection, DbTransaction transaction, FiguresBooked booked, IReadOnlyDictionary<string, string> registered, ReportTotals totals, CancellationToken cancellationToken)
    {
        await using var previous = connection.CreateCommand();
        previous.Transaction = transaction;
        previous.CommandText = "SELECT amount_units FROM figures WHERE agreement = @agreement AND enterprise = @enterprise AND indicator = @indicator AND month = @month";
        var previousParameters = new[] { "agreement", "enterprise", "indicator", "month" }
            .Select(name =>
            {
                var p = previous.CreateParameter();
                p.ParameterName = "@" + name;
                p.DbType = System.Data.DbType.String;
                previous.Parameters.Add(p);
                return p;
            })
            .ToArray();
        var previousPrepared = false;

        await using var upsert = new RowStatement(
            connection,
            transaction,
            """
            INSERT INTO figures (agreement, enterprise, indicator, month, amount_units, revision, report_id)
            VALUES (@agreement, @enterprise, @indicator, @month, @units, @revision, @report)
            ON CONFLICT (agreement, enterprise, indicator, month) DO UPDATE SET amount_units = excluded.amount_units,
                revision = excluded.revision, report_id = excluded.report_id
            WHERE excluded.revision > figures.revision
            """,
            ("agreement", System.Data.DbType.String),
            ("enterprise", System.Data.DbType.String),
            ("indicator", System.Data.DbType.String),
            ("month", System.Data.DbType.String),
            ("units", System.Data.DbType.Int64),
            ("revision", System.Data.DbType.Int32),
            ("report", System.Data.DbType.String));
        foreach (var report in booked.Reports)
        {
            var month = Months.Format(report.Month);
            var units = AmountUnits.ToUnits(report.Amount, reference.Indicator(report.Indicator).Scale);
            long? replaced = null;
            if (report.Revision > 1)
            {
                // The figure it replaces may be in this very batch, still unsent.
                await upsert.FlushAsync(cancellationToken);
                if (!previousPrepared)
                {
                    await previous.PrepareAsync(cancellationToken);
                    previousPrepared = true;
                }

                previousParameters[0].Value = booked.AgreementId;
                previousParameters[1].Value = report.Enterprise.Value;
                previousParameters[2].Value = report.Indicator;
                previousParameters[3].Value = month;
                var found = await previous.ExecuteScalarAsync(cancellationToken);
                replaced = found is null or DBNull ? null : Convert.ToInt64(found, CultureInfo.InvariantCulture);
            }

            var district = AllocationEntryInserter.Registered(registered, booked.AgreementId, report.Enterprise.Value);
            await upsert.AddAsync(
                [booked.AgreementId, report.Enterprise.Value, report.Indicator, month, units, report.Revision, report.ReportId],
                written =>
                {
                    if (written == 1)
                    {
                        totals.AddFigure(month, booked.AgreementId, report.Indicator, district, checked(units - (replaced ?? 0)), replaced is null ? 1 : 0);
                    }
                },
                cancellationToken);
        }

        await upsert.FlushAsync(cancellationToken);
    }
}
