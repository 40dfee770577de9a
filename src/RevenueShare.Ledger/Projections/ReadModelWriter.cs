using Akka.Persistence.Query;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Storage;

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

    public ReadModelWriter(ReadDatabase database, ReferenceData reference)
    {
        this.database = database;
        this.reference = reference;
    }

    public Task<long> LoadOffsetAsync(CancellationToken cancellationToken) =>
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
            if (envelope.Event is not IAgreementEvent @event
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

        await ProjectionOffset.SaveAsync(transaction, ProjectionName, ((Sequence)envelopes[^1].Offset).Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
