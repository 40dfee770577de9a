using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using RevenueShare.Ledger.Serialization;

namespace RevenueShare.Ledger.Tests.Support;

/// <summary>Actor systems as the ledger's host creates them: its configuration, and the catalogue the serializer decodes indicator codes with.</summary>
internal static class LedgerSystems
{
    public static ActorSystemSetup Setup(Config config) =>
        BootstrapSetup.Create().WithConfig(config).And(new LedgerSerializerSetup(RepositoryFiles.Reference));
}
