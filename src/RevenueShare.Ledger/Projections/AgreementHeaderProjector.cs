using System.Data;
using System.Data.Common;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Reads;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// The agreement rows: each agreement's header (<c>agreements</c>, <see cref="AgreementHeaderRow"/>)
/// and its parties (<c>agreement_parties</c>). The header's version is the sequence number of the last
/// event projected into it and commits with the rows of that event, which is what makes every event
/// projected once: <see cref="AdvanceAsync"/> skips an event at or below it. A header is written once
/// per batch, after the agreement's last event in it: a batch holds many events of each agreement.
/// </summary>
internal sealed class AgreementHeaderProjector : IReadProjector
{
    private readonly Dictionary<AgreementId, AgreementState> headers;
    private readonly ReferenceData reference;
    private readonly Dictionary<AgreementId, Instant> changed = [];
    private readonly DbCommand load;
    private readonly RowStatement upsert;
    private readonly RowStatement parties;

    /// <param name="headers">The headers as projected so far, kept by the writer across batches (and forgotten by it when a batch fails).</param>
    public AgreementHeaderProjector(ProjectionTransaction transaction, Dictionary<AgreementId, AgreementState> headers, ReferenceData reference)
    {
        this.headers = headers;
        this.reference = reference;
        load = transaction.Command($"SELECT {AgreementHeaderRow.ColumnList} FROM agreements WHERE id = @id", ("id", DbType.String));
        upsert = transaction.Rows(
            $"""
            INSERT INTO agreements ({AgreementHeaderRow.ColumnList}) VALUES ({string.Join(", ", AgreementHeaderRow.Columns.Select(c => "@" + c.Name))})
            ON CONFLICT (id) DO UPDATE SET {string.Join(", ", AgreementHeaderRow.Columns.Skip(1).Select(c => $"{c.Name} = excluded.{c.Name}"))}
            """,
            [.. AgreementHeaderRow.Columns]);
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

            // Booked figures change nothing a header keeps but its version; applying them would build
            // the books only for Slim to drop them.
            FiguresBooked => header! with { Version = header.Version + 1 },
            _ => header!.Apply(@event),
        };
        headers[@event.AgreementId] = Slim(next);
        return next;
    }

    public Task ProjectAsync(ProjectedEvent projected, CancellationToken cancellationToken)
    {
        changed[projected.Event.AgreementId] = projected.Event.At;
        return Task.CompletedTask;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, at) in changed)
        {
            var header = headers[id];
            await upsert.AddAsync(AgreementHeaderRow.Values(header, at), null, cancellationToken);
            foreach (var party in header.Terms.Parties)
            {
                await parties.AddAsync([id.Value, party.District.Value], null, cancellationToken);
            }
        }

        await upsert.FlushAsync(cancellationToken);
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

        var header = AgreementHeaderRow.Read(reader, reference);
        headers[agreementId] = header;
        return header;
    }
}
