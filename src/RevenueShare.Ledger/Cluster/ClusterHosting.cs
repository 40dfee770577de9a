using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.Singleton;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Remote.Hosting;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Ledger.Cluster;

/// <summary>
/// What a cluster adds to the ledger's actor system (<see cref="LedgerHosting.AddLedger"/>): remoting
/// and Akka.Cluster with the split-brain resolver, cluster sharding for the agreements, and cluster
/// singletons for the parts there must be one of (docs/decisions.md, One ledger over several nodes).
/// </summary>
internal static class ClusterHosting
{
    /// <summary>Joins the cluster: this node's endpoint, the seeds, and the resolver that downs unreachable nodes.</summary>
    public static AkkaConfigurationBuilder WithLedgerCluster(this AkkaConfigurationBuilder builder, LedgerCluster cluster, StoreOptions store)
    {
        if (store.Kind != StoreKind.PostgreSql)
        {
            throw new InvalidOperationException("A cluster shares one PostgreSQL store: the embedded SQLite store belongs to one process.");
        }

        return builder
            .WithRemoting(cluster.Hostname, cluster.Port)
            .WithClustering(new ClusterOptions
            {
                SeedNodes = [.. cluster.Seeds.Select(LedgerCluster.AddressOf)],

                // The side with more than half of the nodes keeps running; a side of exactly half
                // keeps the node with the lowest address. Needs no cluster size in the configuration,
                // unlike static-quorum, and does not stop a whole cluster for one old node, unlike
                // keep-oldest: run three nodes or more (docs/operations.md).
                SplitBrainResolver = new KeepMajorityOption(),
            })
            .AddHocon(Config(cluster, store), HoconAddMode.Prepend);
    }

    /// <summary>
    /// Runs <paramref name="props"/> as a cluster singleton (on the oldest node, told
    /// <paramref name="terminationMessage"/> when handed over); answers the proxy through which this
    /// node reaches it wherever it runs.
    /// </summary>
    public static IActorRef Singleton(ActorSystem system, string name, Props props, object terminationMessage)
    {
        system.ActorOf(ClusterSingletonManager.Props(props, terminationMessage, ClusterSingletonManagerSettings.Create(system)), name);
        return system.ActorOf(ClusterSingletonProxy.Props($"/user/{name}", ClusterSingletonProxySettings.Create(system)), name + "-proxy");
    }

    /// <summary>What an agreement sends its shard to be let go: the shard then sends it <see cref="Agreements.Passivate"/>.</summary>
    public static object AskToPassivate { get; } = new Akka.Cluster.Sharding.Passivate(Agreements.Passivate.Instance);

    /// <summary>The agreements' shard region on this node.</summary>
    public static Task<IActorRef> AgreementRegionAsync(ActorSystem system, Func<string, Props> agreement)
    {
        var sharding = ClusterSharding.Get(system);
        var settings = ClusterShardingSettings.Create(system);

        // Passivate is also what a shard being handed over sends its agreements: each stops after the
        // messages queued before it, which the next node's agreement would otherwise not see.
        return sharding.StartAsync(
            AgreementShards.TypeName, agreement, settings, new AgreementShards(), sharding.DefaultShardAllocationStrategy(settings), Agreements.Passivate.Instance);
    }

    private static Config Config(LedgerCluster cluster, StoreOptions store)
    {
        var stableAfter = ((long)cluster.DownUnreachableAfter.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hocon = $$"""
            akka {
              # A batch's commands and an agreement's answer with its state can pass remoting's 128 kB default:
              # a request body is at most 16 MiB, and an agreement's state with it about as large (docs/decisions.md).
              remote.dot-netty.tcp {
                maximum-frame-size = 33554432b
                send-buffer-size = 33554432b
                receive-buffer-size = 33554432b
              }
              cluster {
                split-brain-resolver.stable-after = {{stableAfter}}ms
                # A node the resolver downed leaves the process: its supervisor (systemd) starts it again as a new node.
                run-coordinated-shutdown-when-down = on
                sharding {
                  # Sharding's own state (which node holds which shard) in tables of its own, never in the ledger's journal.
                  state-store-mode = persistence
                  journal-plugin-id = "akka.persistence.journal.sharding"
                  snapshot-plugin-id = "akka.persistence.snapshot-store.sharding"
                  remember-entities = off
                  # Agreements passivate themselves when idle (LedgerOptions.PassivateAfter).
                  passivate-idle-entity-after = off
                }
              }
              persistence {
                journal.sharding {
                  class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
                  plugin-id = "akka.persistence.journal.sharding"
                  connection-string = {{LedgerConfig.Quote(store.JournalConnectionString)}}
                  provider-name = "PostgreSQL"
                  auto-initialize = true
                  default {
                    journal.table-name = "sharding_journal"
                    metadata.table-name = "sharding_journal_metadata"
                    tag.table-name = "sharding_tags"
                  }
                }
                snapshot-store.sharding {
                  class = "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql"
                  plugin-id = "akka.persistence.snapshot-store.sharding"
                  connection-string = {{LedgerConfig.Quote(store.SnapshotConnectionString)}}
                  provider-name = "PostgreSQL"
                  auto-initialize = true
                  default.snapshot.table-name = "sharding_snapshot"
                }
              }
            }
            """;
        return ConfigurationFactory.ParseString(hocon);
    }
}
