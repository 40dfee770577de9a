using System.Data;
using System.Data.Common;
using NodaTime;
using NodaTime.Text;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Reads;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The agreement rows: each agreement's header (<c>agreements</c>, <see cref="AgreementHeaderRow"/>:
/// its lifecycle and terms after its last lifecycle event, at that event's version), its parties
/// (<c>agreement_parties</c>) and the version it is projected to (<c>agreement_versions</c>: the
/// sequence number of the last event projected, whatever it was). That version commits with the rows
/// of its event, which is what makes every event projected once: <see cref="AdvanceAsync"/> skips an
/// event at or below it. A batch writes each agreement's version once, after its last event in the
/// batch, and its header only when a lifecycle event changed it: bookings and reviews, nearly every
/// event, rewrite a narrow row, not the terms of every agreement they touch.
/// </summary>
internal sealed class AgreementHeaderProjector : IReadProjector
{
    private readonly Dictionary<AgreementId, AgreementState> headers;
    private readonly ReferenceData reference;
    private readonly Dictionary<AgreementId, Instant> advanced = [];
    private readonly Dictionary<AgreementId, (AgreementState Header, Instant At)> changed = [];
    private readonly DbCommand load;
    private readonly RowStatement upsert;
    private readonly RowStatement versions;
    private readonly RowStatement parties;

    /// <param name="headers">The headers as projected so far, kept by the writer across batches (and forgotten by it when a batch fails).</param>
    public AgreementHeaderProjector(ProjectionTransaction transaction, Dictionary<AgreementId, AgreementState> headers, ReferenceData reference)
    {
        this.headers = headers;
        this.reference = reference;
        load = transaction.Command(
            $"SELECT {AgreementHeaderRow.ColumnList}, (SELECT v.version FROM agreement_versions v WHERE v.id = agreements.id) AS projected FROM agreements WHERE id = @id",
            ("id", DbType.String));
        upsert = transaction.Rows(
            $"""
            INSERT INTO agreements ({AgreementHeaderRow.ColumnList}) VALUES ({string.Join(", ", AgreementHeaderRow.Columns.Select(c => "@" + c.Name))})
            ON CONFLICT (id) DO UPDATE SET {string.Join(", ", AgreementHeaderRow.Columns.Skip(1).Select(c => $"{c.Name} = excluded.{c.Name}"))}
            """,
            [.. AgreementHeaderRow.Columns]);
        versions = transaction.Rows(
            """
            INSERT INTO agreement_versions (id, version, updated_at) VALUES (@id, @version, @updated_at)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at
            """,
            ("id", DbType.String),
            ("version", DbType.Int64),
            ("updated_at", DbType.String));
        parties = transaction.Rows(
            "INSERT INTO agreement_parties (agreement, district) VALUES (@agreement, @district) ON CONFLICT DO NOTHING",
            ("agreement", DbType.String),
            ("district", DbType.String));
    }

    /// <summary>The agreement's header after <paramref name="event"/>, as the agreement applied it; null when the event was projected already.</summary>
    public async Task<AgreementState?> AdvanceAsync(long sequenceNr, IAgreementEvent @event, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(@event.AgreementId, cancellationToken);
        if (header is not null && header.Version >= sequenceNr)
        {
            return null;
        }

        var next = @event switch
        {
            AgreementCreated created => AgreementState.Created(created),

            // Booked figures, factors and history change nothing a header keeps but its version; applying
            // them would build the books only for Slim to drop them.
            FiguresBooked or FactorsReported or HistoryReported => header! with { Version = header.Version + 1 },
            _ => header!.Apply(@event),
        };
        headers[@event.AgreementId] = Slim(next);
        return next;
    }

    public Task ProjectAsync(ProjectedEvent projected, CancellationToken cancellationToken)
    {
        var id = projected.Event.AgreementId;
        advanced[id] = projected.Event.At;
        if (projected.ChangesHeader)
        {
            changed[id] = (headers[id], projected.Event.At);
        }

        return Task.CompletedTask;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, (header, at)) in changed)
        {
            await upsert.AddAsync(AgreementHeaderRow.Values(header, at), null, cancellationToken);
            foreach (var party in header.Terms.Parties)
            {
                await parties.AddAsync([id.Value, party.District.Value], null, cancellationToken);
            }
        }

        foreach (var (id, at) in advanced)
        {
            await versions.AddAsync([id.Value, headers[id].Version, InstantPattern.ExtendedIso.Format(at)], null, cancellationToken);
        }

        await upsert.FlushAsync(cancellationToken);
        await versions.FlushAsync(cancellationToken);
        await parties.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// What a header row keeps: the lifecycle and terms. The books and reports live in the figure and
    /// entry tables, the reviews in their own; dropping them here keeps a header held across batches
    /// equal to the one read back from its row.
    /// </summary>
    private static AgreementState Slim(AgreementState state) =>
        state with { Books = state.Books.Clear(), Reports = ReportIndex.Empty, Reviews = state.Reviews.Clear() };

    private async Task<AgreementState?> HeaderAsync(AgreementId agreementId, CancellationToken cancellationToken)
    {
        if (headers.TryGetValue(agreementId, out var kept))
        {
            return kept;
        }

        load.Parameters[0].Value = agreementId.Value;
        await using var reader = await load.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        // The row is the header after its last lifecycle event; the bookings and reviews since have
        // advanced its version only.
        var header = AgreementHeaderRow.Read(reader, reference) with { Version = reader.GetInt64(reader.GetOrdinal("projected")) };
        headers[agreementId] = header;
        return header;
    }
}
