using Akka;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Data.Sqlite;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Sealing;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Verification;

/// <summary>
/// <c>revshare verify</c>: replays the embedded store's journal from scratch and checks every invariant
/// (<see cref="AgreementInvariants"/>, every agreement's SM3 chain and month seals, <see cref="JournalChains"/>,
/// <see cref="SettlementInvariants"/>, and the read tables against a fresh projection, <see cref="ReadTableComparison"/>). It works on a consistent copy of the store in a
/// temporary folder (<see cref="StoreCopy"/>, as a backup takes it), so it never writes to the store and
/// may run while the service serves. The copied read side may stand earlier in the journal than the
/// copied journal ends (the service projects the rest at its next start): the fresh projection is of the
/// journal up to the read side's position, which is what the stored tables must equal.
/// </summary>
public static class LedgerVerifier
{
    private const int BatchSize = 2000;

    public static async Task<VerificationReport> VerifyAsync(StoreOptions store, ReferenceData reference, CancellationToken cancellationToken)
    {
        StoreCopy.RequireFiles(store);
        var work = Path.Combine(Path.GetTempPath(), "revshare-verify-" + Guid.NewGuid().ToString("N"));
        var copy = StoreOptions.Sqlite(Path.Combine(work, "copy"));
        var fresh = StoreOptions.Sqlite(Path.Combine(work, "fresh"));
        try
        {
            StoreCopy.Copy(store, copy.DataDirectory);
            var readPosition = await ProjectionOffset.LoadAsync(new ReadDatabase(copy), ReadModelWriter.ProjectionName, cancellationToken);
            var system = ActorSystem.Create("revenueshare-verify", BootstrapSetup.Create()
                .WithConfig(ConfigurationFactory.ParseString("akka.loglevel = ERROR").WithFallback(LedgerConfig.For(copy)))
                .And(new LedgerSerializerSetup(reference)));
            try
            {
                var journal = await QueryJournal.OpenAsync(system, cancellationToken);
                var materializer = system.Materializer();
                var agreements = new AgreementInvariants();
                var settlement = new SettlementInvariants(reference);
                var (count, events, entries) = await ReplayAsync(journal, materializer, agreements, settlement);
                var chains = await JournalChains.CheckAsync(copy.FileOf(StoreOptions.JournalFileName), reference, cancellationToken);
                var after = await ProjectAsync(journal, materializer, fresh, reference, readPosition, cancellationToken);
                var tables = await ReadTableComparison.CompareAsync(copy.FileOf(StoreOptions.ReadFileName), fresh.FileOf(StoreOptions.ReadFileName), cancellationToken);
                return new VerificationReport(count, events, agreements.Figures, entries, readPosition, after, [.. agreements.Results(), .. chains.Results(), .. settlement.Results(), tables])
                {
                    SealedEvents = chains.SealedEvents,
                    EventsBeforeTheChain = chains.EventsBeforeTheChain,
                    Seals = chains.Seals,
                };
            }
            finally
            {
                await system.Terminate();
            }
        }
        finally
        {
            SqliteConnection.ClearPool(new SqliteConnection(copy.ReadConnectionString));
            SqliteConnection.ClearPool(new SqliteConnection(fresh.ReadConnectionString));
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>
    /// Each agreement rebuilt from its events alone, one after the other (so only one agreement's state
    /// is held at a time), and checked. Other persistent ids in the journal (coverage, numbering) hold no
    /// agreement events and are passed over.
    /// </summary>
    private static async Task<(long Agreements, long Events, long Entries)> ReplayAsync(
        SqlReadJournal journal, IMaterializer materializer, AgreementInvariants agreements, SettlementInvariants settlement)
    {
        long count = 0, events = 0, entries = 0;
        var ids = await journal.CurrentPersistenceIds().RunWith(Sink.Seq<string>(), materializer);
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            var replayed = new ReplayedAgreement(id);
            long applied = 0;
            try
            {
                await journal.CurrentEventsByPersistenceId(id, 0, long.MaxValue).RunForeach(
                    envelope =>
                    {
                        if (SealedEvent.AgreementEventOf(envelope.Event) is { } @event)
                        {
                            replayed.Apply(@event);
                            applied = envelope.SequenceNr;
                        }
                    },
                    materializer);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.Runtime.Serialization.SerializationException)
            {
                agreements.ReplayFailed(id, applied, e);
                continue;
            }

            if (replayed.State is null)
            {
                continue;
            }

            count++;
            events += replayed.Events;
            entries += replayed.Entries;
            agreements.Check(replayed);
            settlement.Add(replayed.State);
        }

        return (count, events, entries);
    }

    /// <summary>
    /// Projects the journal up to <paramref name="readPosition"/> into an empty read database with the
    /// projection's own writer (<see cref="ReadModelWriter"/>); answers how many agreement events come
    /// after that position.
    /// </summary>
    private static async Task<long> ProjectAsync(
        SqlReadJournal journal, IMaterializer materializer, StoreOptions fresh, ReferenceData reference, long readPosition, CancellationToken cancellationToken)
    {
        var database = new ReadDatabase(fresh);
        await ReadSchema.EnsureAsync(database, cancellationToken);
        var writer = new ReadModelWriter(database, reference);
        long after = 0;
        await journal.CurrentEventsByTag(AgreementActor.Tag, Offset.Sequence(0))
            .Where(envelope =>
            {
                if (((Sequence)envelope.Offset).Value <= readPosition)
                {
                    return true;
                }

                after++;
                return false;
            })
            .Grouped(BatchSize)
            .SelectAsync(1, async batch =>
            {
                await writer.WriteAsync([.. batch], cancellationToken);
                return NotUsed.Instance;
            })
            .RunWith(Sink.Ignore<NotUsed>(), materializer);
        return after;
    }
}
