using Akka.Persistence.Query;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Storage;

using RevenueShare.Ledger.Sealing;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// Writes a batch of journal events into the read tables, one projector per table
/// (<see cref="IReadProjector"/>), all in one transaction with the projection's offset, so a crash
/// never leaves the tables ahead of or behind the offset. An event is projected once: the agreement's
/// projected version, committed with the event's rows, skips any event at or below it
/// (<see cref="AgreementHeaderProjector.AdvanceAsync"/>).
/// </summary>
public sealed class ReadModelWriter
{
    public const string ProjectionName = "agreements";

    private readonly ReadDatabase database;
    private readonly ReferenceData reference;
    private readonly Dictionary<AgreementId, AgreementState> headers = [];
    private readonly RegisteredDistricts registered = new();

    /// <summary>The offset this writer last loaded or committed: the one its next commit must replace.</summary>
    private long startedFrom;

    public ReadModelWriter(ReadDatabase database, ReferenceData reference)
    {
        this.database = database;
        this.reference = reference;
    }

    /// <summary>
    /// Where the projection starts (again): the stored offset, which this writer's next batch must
    /// find unchanged when it commits. The headers it kept are forgotten, since another writer (on
    /// another node of a cluster) may have moved the tables on since.
    /// </summary>
    public async Task<long> LoadOffsetAsync(CancellationToken cancellationToken)
    {
        headers.Clear();
        var offset = await ProjectedOffsetAsync(cancellationToken);
        startedFrom = offset;
        return offset;
    }

    /// <summary>How far into the journal the read tables are written, for whoever waits for them.</summary>
    public Task<long> ProjectedOffsetAsync(CancellationToken cancellationToken) =>
        ProjectionOffset.LoadAsync(database, ProjectionName, cancellationToken);

    /// <summary>
    /// The journal position (persistence id, sequence number) each agreement is projected to, from its
    /// projected version (<c>agreement_versions</c>): after a restart, what was projected before it.
    /// </summary>
    public async Task<IReadOnlyList<(string PersistenceId, long SequenceNr)>> ProjectedPositionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, version FROM agreement_versions";
        var positions = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            positions.Add((AgreementActor.PersistenceIdOf(AgreementId.Parse(reader.GetString(0))), reader.GetInt64(1)));
        }

        return positions;
    }

    /// <summary>The projected positions of the agreements with these persistence ids (those projected at all).</summary>
    public async Task<IReadOnlyList<(string PersistenceId, long SequenceNr)>> ProjectedPositionsAsync(
        IReadOnlyList<string> persistenceIds, CancellationToken cancellationToken)
    {
        var positions = new List<(string, long)>(persistenceIds.Count);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var chunk in persistenceIds.Chunk(500))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, version FROM agreement_versions WHERE id IN ("
                + string.Join(", ", chunk.Select((_, i) => "@id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
            for (var i = 0; i < chunk.Length; i++)
            {
                ReadParameters.Add(command, "id" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), AgreementActor.AgreementIdOf(chunk[i]).Value);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                positions.Add((AgreementActor.PersistenceIdOf(AgreementId.Parse(reader.GetString(0))), reader.GetInt64(1)));
            }
        }

        return positions;
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
            // The kept headers ran ahead of a transaction that did not commit: forget them so the
            // retried batch is applied to what the tables really hold.
            headers.Clear();
            throw;
        }
    }

    private async Task WriteBatchAsync(IReadOnlyList<EventEnvelope> envelopes, CancellationToken cancellationToken)
    {
        await using var transaction = await ProjectionTransaction.BeginAsync(database, cancellationToken);
        var agreements = new AgreementHeaderProjector(transaction, headers, reference);
        IReadProjector[] projectors =
        [
            agreements,
            new AuditProjector(transaction),
            new AllocationEntryProjector(transaction),
            new FigureProjector(transaction),
            new ReviewProjector(transaction),
            new ReportIdProjector(transaction),
            new AgreementHistoryProjector(transaction),
        ];
        foreach (var envelope in envelopes)
        {
            if (SealedEvent.AgreementEventOf(envelope.Event) is not { } @event
                || await agreements.AdvanceAsync(envelope.SequenceNr, @event, cancellationToken) is not { } header)
            {
                continue;
            }

            var projected = new ProjectedEvent(envelope.SequenceNr, @event, header, registered.Of(header));
            foreach (var projector in projectors)
            {
                await projector.ProjectAsync(projected, cancellationToken);
            }
        }

        foreach (var projector in projectors)
        {
            await projector.FlushAsync(cancellationToken);
        }

        var offset = ((Sequence)envelopes[^1].Offset).Value;
        await ProjectionOffset.SaveAsync(transaction, ProjectionName, startedFrom, offset, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        startedFrom = offset;
    }
}
