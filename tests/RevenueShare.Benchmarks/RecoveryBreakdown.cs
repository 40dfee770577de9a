using System.Data.Common;
using System.Diagnostics;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Sealing;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Benchmarks;

/// <summary>
/// What an agreement actor does to recover, step by step with a stopwatch each, outside the actor
/// system: read the newest snapshot row, deserialize it, rebuild the state, read the later events,
/// deserialize them, apply them. The same serializer and the same <see cref="AgreementState.Apply"/>
/// as the actor; the rows are read with plain SQL from the tables Akka.Persistence.Sql wrote.
/// </summary>
internal static class RecoveryBreakdown
{
    public sealed record Steps(
        double SnapshotRead,
        double SnapshotDeserialize,
        double ToState,
        double EventsRead,
        double EventsDeserialize,
        double Apply,
        long SnapshotBytes,
        string SnapshotManifest,
        int Events,
        long EventBytes)
    {
        public double Total => SnapshotRead + SnapshotDeserialize + ToState + EventsRead + EventsDeserialize + Apply;

        public override string ToString() =>
            $"snapshot read {SnapshotRead:F0} ms ({SnapshotBytes / 1024 / 1024.0:F1} MiB, {SnapshotManifest}), deserialize {SnapshotDeserialize:F0} ms, "
            + $"to state {ToState:F0} ms; {Events} events read {EventsRead:F0} ms ({EventBytes / 1024 / 1024.0:F1} MiB), "
            + $"deserialize {EventsDeserialize:F0} ms, apply {Apply:F0} ms; total {Total:F0} ms";
    }

    public static async Task<Steps> MeasureAsync(StoreOptions store, bool isPostgres, string agreementId, bool useSnapshot, ReferenceData reference)
    {
        var persistenceId = AgreementActor.PersistenceIdOf(AgreementId.Parse(agreementId));
        AgreementState? state = null;
        long from = 0;
        double snapshotRead = 0, snapshotDeserialize = 0, toState = 0;
        long snapshotBytes = 0;
        var snapshotManifest = "none";
        if (useSnapshot)
        {
            var watch = Stopwatch.StartNew();
            byte[] bytes;
            await using (var connection = await Stores.OpenAsync(store.SnapshotConnectionString, isPostgres))
            {
                var table = await TableLikeAsync(connection, isPostgres, "snapshot");
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT snapshot, manifest, sequence_number FROM \"{table}\" WHERE persistence_id = @id ORDER BY sequence_number DESC LIMIT 1";
                Add(command, "@id", persistenceId);
                await using var reader = await command.ExecuteReaderAsync();
                if (!await reader.ReadAsync())
                {
                    throw new InvalidOperationException($"no snapshot of {persistenceId}");
                }

                bytes = (byte[])reader.GetValue(0);
                snapshotManifest = reader.GetString(1);
                from = reader.GetInt64(2);
            }

            snapshotRead = Stats.Ms(watch);
            if (Environment.GetEnvironmentVariable("REVSHARE_BENCH_DUMP_SNAPSHOT") is { Length: > 0 } dump)
            {
                await File.WriteAllBytesAsync(dump, bytes); // for working on the format alone
            }

            snapshotBytes = bytes.Length;
            watch.Restart();
            var snapshot = LedgerSerializer.FromPayload(bytes, snapshotManifest, reference);
            snapshotDeserialize = Stats.Ms(watch);
            watch.Restart();
            state = snapshot switch
            {
                IAgreementSnapshot stored => stored.State,
                _ => throw new InvalidOperationException($"unexpected snapshot {snapshot.GetType()}"),
            };
            toState = Stats.Ms(watch);
        }

        var events = new List<(byte[] Bytes, string Manifest)>();
        var read = Stopwatch.StartNew();
        await using (var connection = await Stores.OpenAsync(store.JournalConnectionString, isPostgres))
        {
            var table = await TableLikeAsync(connection, isPostgres, "journal");
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT message, manifest FROM \"{table}\" WHERE persistence_id = @id AND sequence_number > @from ORDER BY sequence_number";
            Add(command, "@id", persistenceId);
            Add(command, "@from", from);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                events.Add(((byte[])reader.GetValue(0), reader.GetString(1)));
            }
        }

        var eventsRead = Stats.Ms(read);
        if (Environment.GetEnvironmentVariable("REVSHARE_BENCH_DUMP_SNAPSHOT") is { Length: > 0 } dumpEvent && events.Count > 0)
        {
            await File.WriteAllBytesAsync(dumpEvent + ".event", events[^1].Bytes);
        }

        var deserialize = Stopwatch.StartNew();
        var parsed = events.Select(e => SealedEvent.AgreementEventOf(LedgerSerializer.FromPayload(e.Bytes, e.Manifest, reference))!).ToList();
        var eventsDeserialize = Stats.Ms(deserialize);
        var apply = Stopwatch.StartNew();
        foreach (var @event in parsed)
        {
            state = @event is AgreementCreated created ? AgreementState.Created(created) : state!.Apply(@event);
        }

        var applied = Stats.Ms(apply);
        GC.KeepAlive(state);
        return new Steps(snapshotRead, snapshotDeserialize, toState, eventsRead, eventsDeserialize, applied, snapshotBytes, snapshotManifest, events.Count, events.Sum(e => (long)e.Bytes.Length));
    }

    private static async Task<string> TableLikeAsync(DbConnection connection, bool isPostgres, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = isPostgres
            ? $"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE '%{name}%' AND table_name NOT LIKE '%metadata%' AND table_name NOT LIKE '%tag%'"
            : $"SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%{name}%' AND name NOT LIKE '%metadata%' AND name NOT LIKE '%tag%'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables.Count == 1 ? tables[0] : throw new InvalidOperationException($"expected one {name} table, found: {string.Join(", ", tables)}");
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
