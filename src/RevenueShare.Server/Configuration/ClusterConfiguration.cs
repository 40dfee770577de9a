using RevenueShare.Ledger.Cluster;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Server.Configuration;

/// <summary>This node's place in a cluster, as the configuration gives it; none when <c>Cluster:Node</c> is not given.</summary>
public static class ClusterConfiguration
{
    public static LedgerCluster? Read(ServiceConfiguration configuration, StoreOptions store)
    {
        var node = configuration.Text(ServiceSettings.ClusterNode);
        var seeds = configuration.List(ServiceSettings.ClusterSeeds);
        var downAfter = configuration.Seconds(ServiceSettings.DownAfterSeconds, LedgerCluster.DefaultDownUnreachableAfter);
        if (node is null)
        {
            if (seeds.Count > 0 || configuration.Has(ServiceSettings.DownAfterSeconds))
            {
                configuration.Problem(seeds.Count > 0 ? ServiceSettings.ClusterSeeds.Key : ServiceSettings.DownAfterSeconds.Key, $"belongs to {ServiceSettings.ClusterNode.Key} ({ServiceSettings.ClusterNode.Flag}), which is not given.");
            }

            return null;
        }

        if (store.Kind != StoreKind.PostgreSql)
        {
            configuration.Problem(ServiceSettings.ClusterNode.Key, $"needs {ServiceSettings.Postgres.Key}: the nodes of a cluster share one PostgreSQL store.");
        }

        if (seeds.Count == 0)
        {
            configuration.Problem(ServiceSettings.ClusterNode.Key, $"needs at least one seed in {ServiceSettings.ClusterSeeds.Key} ({ServiceSettings.ClusterSeeds.Flag} HOST:PORT; the first node names itself).");
        }

        (string Host, int Port) endpoint = default;
        try
        {
            endpoint = LedgerCluster.Endpoint(node);
            foreach (var seed in seeds)
            {
                LedgerCluster.Endpoint(seed);
            }
        }
        catch (FormatException e)
        {
            configuration.Problem(endpoint == default ? ServiceSettings.ClusterNode.Key : ServiceSettings.ClusterSeeds.Key, $"is not right: {e.Message}");
            return null;
        }

        return new LedgerCluster(endpoint.Host, endpoint.Port, [.. seeds]) { DownUnreachableAfter = downAfter };
    }
}
