using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Serialization;

namespace RevenueShare.Ledger.Sealing;

/// <summary>
/// An agreement event as the journal holds it since the chain began: the event, its stored form (the
/// manifest and payload its own codec writes) and its link in the agreement's SM3 chain
/// (<see cref="EventChain"/>). Written under <c>sealed-event.v1</c> (<see cref="Serialization.Wire.SealedEventWire"/>),
/// which keeps the payload's bytes exactly, so a verifier recomputes the digest from what is stored.
/// </summary>
public sealed class SealedEvent : ILedgerRecord
{
    public SealedEvent(IAgreementEvent @event, string manifest, byte[] payload, ChainDigest previous, ChainDigest digest)
    {
        Event = @event;
        Manifest = manifest;
        Payload = payload;
        Previous = previous;
        Digest = digest;
    }

    public IAgreementEvent Event { get; }

    /// <summary>The manifest of the event's own codec (<c>figures-booked.v2</c>, …).</summary>
    public string Manifest { get; }

    /// <summary>The bytes the event's codec wrote: what the digest is of.</summary>
    public byte[] Payload { get; }

    /// <summary>The digest of the agreement's event before this one (<see cref="ChainDigest.Zero"/> for the first sealed).</summary>
    public ChainDigest Previous { get; }

    public ChainDigest Digest { get; }

    /// <summary>
    /// Seals <paramref name="event"/> as the event at <paramref name="sequenceNr"/> after
    /// <paramref name="head"/>. An approved month review takes the head as its seal first, so the
    /// approval itself is part of the chain it seals.
    /// </summary>
    public static SealedEvent Seal(IAgreementEvent @event, ChainDigest head, string persistenceId, long sequenceNr)
    {
        if (@event is MonthReviewed { Decision: ReviewDecision.Approve } approval)
        {
            @event = approval with { Seal = head };
        }

        var manifest = LedgerSerializer.ManifestFor(@event.GetType());
        var payload = LedgerSerializer.Payload(@event);
        return new SealedEvent(@event, manifest, payload, head, EventChain.Link(head, persistenceId, sequenceNr, manifest, payload));
    }

    /// <summary>The agreement event in what a journal query gives: sealed, as stored before the chain, or none.</summary>
    public static IAgreementEvent? AgreementEventOf(object stored) => stored switch
    {
        SealedEvent sealedEvent => sealedEvent.Event,
        IAgreementEvent @event => @event,
        _ => null,
    };
}
