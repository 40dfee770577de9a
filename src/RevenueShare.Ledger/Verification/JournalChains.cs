using Microsoft.Data.Sqlite;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Sealing;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Verification;

/// <summary>
/// The SM3 chains of a SQLite journal, checked from its rows as stored (not through the journal's
/// query, which would stop at the first payload that no longer decodes): for each agreement, every
/// sequence number from 1 on is present; every event from the first sealed one on is sealed, its digest
/// is the one <see cref="EventChain.Link"/> computes from its stored bytes, and it links to the digest of
/// the event before it; every approved month review's seal is the chain head just before it. The first
/// broken link of each agreement is named; the events after it are not checked against it again.
/// </summary>
internal sealed class JournalChains
{
    private const string ReviewManifest = "month-reviewed.";

    private readonly InvariantTally chains = new("every agreement's SM3 chain is unbroken");
    private readonly InvariantTally seals = new("every month seal = its chain head at the approval");

    public long SealedEvents { get; private set; }

    public long EventsBeforeTheChain { get; private set; }

    /// <summary>Approved month reviews carrying a seal, each checked.</summary>
    public long Seals => seals.Result().Checked;

    public static async Task<JournalChains> CheckAsync(string journalFile, ReferenceData reference, CancellationToken cancellationToken)
    {
        var result = new JournalChains();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = journalFile, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT persistence_id, sequence_number, manifest, message FROM journal WHERE deleted = 0 ORDER BY persistence_id, sequence_number";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Chain? chain = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var persistenceId = reader.GetString(0);
            if (chain?.PersistenceId != persistenceId)
            {
                result.Close(chain);
                chain = AgreementActor.IsAgreement(persistenceId) ? new Chain(persistenceId) : null;
            }

            if (chain is not null)
            {
                result.Step(chain, reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3), reference);
            }
        }

        result.Close(chain);
        return result;
    }

    public IEnumerable<InvariantCheck> Results() => [chains.Result(), seals.Result()];

    private void Step(Chain chain, long sequenceNr, string manifest, byte[] message, ReferenceData reference)
    {
        if (chain.Broken is not null)
        {
            return;
        }

        if (sequenceNr != chain.SequenceNr + 1)
        {
            chain.Broken = $"{chain.PersistenceId}: event {chain.SequenceNr + 1} is missing (the journal goes from event {chain.SequenceNr} to {sequenceNr})";
            return;
        }

        chain.SequenceNr = sequenceNr;
        if (manifest != SealedEventWire.Manifest)
        {
            if (chain.SealedFrom is { } first)
            {
                chain.Broken = $"{chain.PersistenceId}: event {sequenceNr} is not sealed, though the chain began at event {first}";
            }
            else
            {
                EventsBeforeTheChain++;
            }

            return;
        }

        ChainDigest previous, digest;
        string inner;
        byte[] payload;
        try
        {
            (previous, digest, inner, payload) = SealedEventWire.Open(message);
        }
        catch (System.Runtime.Serialization.SerializationException e)
        {
            chain.Broken = $"{chain.PersistenceId}: event {sequenceNr}: its envelope does not open ({e.Message})";
            return;
        }

        if (EventChain.Link(previous, chain.PersistenceId, sequenceNr, inner, payload) != digest)
        {
            chain.Broken = $"{chain.PersistenceId}: event {sequenceNr}: its content does not match its digest";
            return;
        }

        if (previous != chain.Head)
        {
            chain.Broken = $"{chain.PersistenceId}: event {sequenceNr} links to {previous}, but the digest before it is {chain.Head}";
            return;
        }

        chain.SealedFrom ??= sequenceNr;
        SealedEvents++;
        // Only reviews are decoded: a booking's payload is large, and its digest already holds it.
        if (inner.StartsWith(ReviewManifest, StringComparison.Ordinal)
            && LedgerSerializer.FromPayload(payload, inner, reference) is MonthReviewed { Decision: ReviewDecision.Approve } approval)
        {
            seals.Check(
                approval.Seal == previous,
                () => $"{chain.PersistenceId}: event {sequenceNr} seals {Months.Format(approval.Month)} ({approval.Family}) with {approval.Seal?.ToString() ?? "nothing"}, but the chain head before it is {previous}");
        }

        chain.Head = digest;
    }

    private void Close(Chain? chain)
    {
        if (chain is not null)
        {
            chains.Check(chain.Broken is null, () => chain.Broken!);
        }
    }

    /// <summary>Where one agreement's walk stands.</summary>
    private sealed class Chain(string persistenceId)
    {
        public string PersistenceId { get; } = persistenceId;

        public long SequenceNr { get; set; }

        public ChainDigest Head { get; set; } = ChainDigest.Zero;

        public long? SealedFrom { get; set; }

        public string? Broken { get; set; }
    }
}
