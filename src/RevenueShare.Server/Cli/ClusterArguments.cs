using System.CommandLine;
using RevenueShare.Ledger.Cluster;
using RevenueShare.Ledger.Storage;

namespace RevenueShare.Server.Cli;

/// <summary><c>serve</c>'s options for running as one node of a cluster: <c>--cluster</c>, <c>--seed</c>, <c>--down-after</c>.</summary>
internal sealed class ClusterArguments
{
    private readonly Option<string> node = new("--cluster")
    {
        Description = "Run as a node of a cluster, reachable by the other nodes on HOST:PORT (needs --postgres and --seed).",
        HelpName = "HOST:PORT",
    };

    private readonly Option<string[]> seeds = new("--seed")
    {
        Description = "HOST:PORT of a seed node, once per seed; the first node of a new cluster names itself first.",
        HelpName = "HOST:PORT",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<int?> downAfter = new("--down-after")
    {
        Description = "Seconds a node may stay unreachable before the majority downs it and takes over its agreements (default 20).",
        HelpName = "SECONDS",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(node);
        command.Options.Add(seeds);
        command.Options.Add(downAfter);
    }

    /// <summary>The node's cluster settings, or null when <c>--cluster</c> is not given.</summary>
    public LedgerCluster? Cluster(ParseResult result, StoreOptions store)
    {
        var endpoint = result.GetValue(node);
        var seedList = result.GetValue(seeds) ?? [];
        var seconds = result.GetValue(downAfter);
        if (endpoint is null)
        {
            return seedList.Length > 0 || seconds is not null
                ? throw new UsageException("--seed and --down-after belong to --cluster HOST:PORT.")
                : null;
        }

        if (store.Kind != StoreKind.PostgreSql)
        {
            throw new UsageException("--cluster needs --postgres: the nodes of a cluster share one PostgreSQL store.");
        }

        if (seedList.Length == 0)
        {
            throw new UsageException("--cluster needs at least one --seed HOST:PORT (the first node names itself).");
        }

        (string Host, int Port)[] endpoints;
        try
        {
            endpoints = [.. seedList.Prepend(endpoint).Select(LedgerCluster.Endpoint)];
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }

        if (seconds is < 1)
        {
            throw new UsageException("--down-after needs 1 second or more.");
        }

        var cluster = new LedgerCluster(endpoints[0].Host, endpoints[0].Port, [.. seedList]);
        return seconds is { } s ? cluster with { DownUnreachableAfter = TimeSpan.FromSeconds(s) } : cluster;
    }
}
