using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// What <see cref="LedgerSerializer"/> needs beyond its HOCON binding: the configured catalogue, to
/// resolve the indicator codes the journal stores. Akka.NET constructs serializers from configuration
/// with only the actor system, and a <see cref="Setup"/> is how a program hands such a component an
/// object (as <c>SerializationSetup</c> and the Newtonsoft serializer's setup do); the catalogue is
/// configuration of its own, so it cannot be static.
/// </summary>
public sealed class LedgerSerializerSetup(ReferenceData reference) : Setup
{
    public ReferenceData Reference { get; } = reference ?? throw new ArgumentNullException(nameof(reference));

    /// <summary>The catalogue the system was created with; <paramref name="who"/> names the serializer in the refusal when it was not.</summary>
    public static ReferenceData ReferenceOf(ExtendedActorSystem system, string who)
    {
        ArgumentNullException.ThrowIfNull(system);
        var setup = system.Settings.Setup.Get<LedgerSerializerSetup>();
        return setup.HasValue
            ? setup.Value.Reference
            : throw new ConfigurationException($"{who} needs the indicator catalogue: create the actor system with a {nameof(LedgerSerializerSetup)}.");
    }
}
