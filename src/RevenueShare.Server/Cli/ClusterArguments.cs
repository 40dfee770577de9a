using System.CommandLine;
using RevenueShare.Ledger.Cluster;
using RevenueShare.Server.Configuration;

namespace RevenueShare.Server.Cli;

/// <summary><c>serve</c>'s flags for running as one node of a cluster: <c>--cluster</c>, <c>--seed</c>, <c>--down-after</c> (checked by <see cref="ClusterConfiguration"/>).</summary>
internal sealed class ClusterArguments
{
    private readonly Option<string> node = new(ServiceSettings.ClusterNode.Flag!)
    {
        Description = "Run as a node of a cluster, reachable by the other nodes on HOST:PORT (needs --postgres and --seed).",
        HelpName = "HOST:PORT",
    };

    private readonly Option<string[]> seeds = new(ServiceSettings.ClusterSeeds.Flag!)
    {
        Description = "HOST:PORT of a seed node, once per seed; the first node of a new cluster names itself first.",
        HelpName = "HOST:PORT",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string> downAfter = new(ServiceSettings.DownAfterSeconds.Flag!)
    {
        Description = $"Seconds a node may stay unreachable before the majority downs it and takes over its agreements (default {LedgerCluster.DefaultDownUnreachableAfter.TotalSeconds:0}).",
        HelpName = "SECONDS",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(node);
        command.Options.Add(seeds);
        command.Options.Add(downAfter);
    }

    /// <summary>Adds the cluster's flags the command line gives to <paramref name="flags"/>.</summary>
    public void AddGiven(List<(ServiceSetting, string)> flags, ParseResult result)
    {
        StoreArguments.Given(flags, result, node, ServiceSettings.ClusterNode);
        StoreArguments.Given(flags, result, downAfter, ServiceSettings.DownAfterSeconds);
        foreach (var seed in result.GetValue(seeds) ?? [])
        {
            flags.Add((ServiceSettings.ClusterSeeds, seed));
        }
    }
}
