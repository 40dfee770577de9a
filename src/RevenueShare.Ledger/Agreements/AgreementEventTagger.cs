using Akka.Persistence.Journal;

namespace RevenueShare.Ledger.Agreements;

/// <summary>
/// Tags every agreement event (each a <see cref="Sealing.SealedEvent"/>) for the read side's
/// <c>EventsByTag</c> query as it is written. Bound in the journal's configuration, so the actor
/// persists its events untagged and any journal without the binding (the test kit's) stores them as they are.
/// </summary>
public sealed class AgreementEventTagger : IWriteEventAdapter
{
    public string Manifest(object evt) => string.Empty;

    public object ToJournal(object evt) => new Tagged(evt, [AgreementActor.Tag]);
}
