using Akka.Cluster.Sharding;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Agreements;

namespace RevenueShare.Ledger.Cluster;

/// <summary>
/// How cluster sharding finds an agreement: the entity is the agreement id, and the shard is a
/// stable hash of it (Murmur, the same in every process) over <see cref="MaxShards"/> shards.
/// </summary>
internal sealed class AgreementShards() : HashCodeMessageExtractor(MaxShards)
{
    /// <summary>
    /// Shards are what moves between nodes: about ten times the most nodes expected lets a cluster of
    /// up to ten nodes share them evenly, and a shard's agreements move together.
    /// </summary>
    public const int MaxShards = 100;

    /// <summary>Sharding's name for the agreements' entity type.</summary>
    public const string TypeName = "agreement";

    public override string? EntityId(object message) => message switch
    {
        IAgreementCommand command => command.AgreementId.Value,
        GetAgreement query => query.AgreementId.Value,
        _ => null,
    };
}
