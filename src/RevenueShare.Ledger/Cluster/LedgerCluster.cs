using System.Collections.Immutable;
using System.Globalization;

namespace RevenueShare.Ledger.Cluster;

/// <summary>
/// This node's place in a cluster of ledger processes (docs/operations.md, Running a cluster): the
/// address the other nodes reach it on, and the seed nodes it joins through. Every node shares one
/// PostgreSQL store; agreements are spread over the nodes, and the ledger's one-of-a-kind parts (the
/// coverage registry, the numbering, the reportId registry, the projection) run on one node at a
/// time and move when it leaves or dies.
/// </summary>
/// <param name="Hostname">The host name or address the other nodes reach this one on.</param>
/// <param name="Port">The port of this node's cluster endpoint.</param>
/// <param name="Seeds">
/// <c>host:port</c> endpoints of the seed nodes; the first node of a new cluster lists itself first.
/// </param>
public sealed record LedgerCluster(string Hostname, int Port, ImmutableArray<string> Seeds)
{
    /// <summary>
    /// How long a node that stopped answering stays unreachable before the split-brain resolver
    /// decides (Akka's <c>stable-after</c>): the side with the majority of the nodes downs the others,
    /// and their agreements start again on the survivors. Shorter recovers faster but risks downing a
    /// node that was only slow (a long garbage collection, a busy network).
    /// </summary>
    public TimeSpan DownUnreachableAfter { get; init; } = DefaultDownUnreachableAfter;

    /// <summary>The <see cref="DownUnreachableAfter"/> of a node not told otherwise.</summary>
    public static TimeSpan DefaultDownUnreachableAfter { get; } = TimeSpan.FromSeconds(20);

    /// <summary>The host and port of a <c>host:port</c> endpoint; a <see cref="FormatException"/> for anything else.</summary>
    public static (string Host, int Port) Endpoint(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        return colon > 0 && int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? (endpoint[..colon], port)
            : throw new FormatException($"'{endpoint}' is not a host:port endpoint.");
    }

    /// <summary>The Akka address of the node at a <c>host:port</c> endpoint.</summary>
    public static string AddressOf(string endpoint)
    {
        var (host, port) = Endpoint(endpoint);
        return string.Create(CultureInfo.InvariantCulture, $"akka.tcp://{LedgerHosting.SystemName}@{host}:{port}");
    }
}
