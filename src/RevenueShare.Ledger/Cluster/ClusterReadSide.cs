using System.Globalization;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RevenueShare.Ledger.Agreements;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Cluster;

/// <summary>
/// A cluster node's view of the read side, which one node projects (<see cref="ProjectionSingleton"/>)
/// for all: at start the node waits until the projection has passed what the journal held, and then
/// keeps its <see cref="ReadBarrier"/> told what is projected, by reading the positions of the
/// agreements it waits for (<c>agreement_versions</c>) every <see cref="PollInterval"/>. A read also
/// waits until the projection has passed the journal's newest agreement event as the read began, so
/// a write acknowledged on any node is visible to a read on any other (read-your-writes across nodes).
/// </summary>
public sealed class ClusterReadSide(ReadBarrier barrier, ReadModelWriter writer, StoreOptions store) : BackgroundService
{
    /// <summary>How often the node looks for what the projection has written.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(20);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await CaughtUpWithJournalAsync(cancellationToken);
        barrier.Projected(await writer.ProjectedPositionsAsync(cancellationToken));
        barrier.AlsoWaitFor(CaughtUpWithJournalAsync);
        barrier.CaughtUp();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var waiting = barrier.Unprojected;
            if (waiting.Count == 0)
            {
                continue;
            }

            try
            {
                barrier.Projected(await writer.ProjectedPositionsAsync(waiting, stoppingToken));
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The read database is away for a moment: the barrier goes on waiting, and the next tick asks again.
            }
        }
    }

    /// <summary>Returns once the projection's offset has reached the newest agreement event the journal holds now.</summary>
    private async Task CaughtUpWithJournalAsync(CancellationToken cancellationToken)
    {
        var head = await JournalHeadAsync(cancellationToken);
        while (await writer.ProjectedOffsetAsync(cancellationToken) < head)
        {
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>The ordering of the journal's newest agreement event (tagged for the read side), 0 when it has none.</summary>
    private async Task<long> JournalHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(store.JournalConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Csv tags are kept as ";tag;": the newest rows come first down the ordering's index.
        command.CommandText = "SELECT COALESCE(MAX(ordering), 0) FROM journal WHERE tags LIKE @tag";
        command.Parameters.AddWithValue("tag", "%;" + AgreementActor.Tag + ";%");
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // A new store: the journal's table comes with its first write.
            return 0;
        }
    }
}
