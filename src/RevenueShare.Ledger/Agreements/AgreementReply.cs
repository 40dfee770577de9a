using System.Collections.Immutable;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Agreements;

/// <summary>
/// An agreement's answer, sent only after whatever the command decided is in the journal.
/// <see cref="SequenceNr"/> is the journal position the answer reflects: reads wait for the projection
/// to pass it. A booking's answer leaves the agreement's state out and names the agreement in
/// <see cref="Answering"/> instead: its caller needs only the outcomes, and in a cluster the state of a
/// large agreement would cross the network with every batch.
/// </summary>
public sealed record AgreementReply(AgreementState? State, Rejection? Rejection, ImmutableArray<ReportOutcome> Outcomes, long SequenceNr) : Serialization.ILedgerMessage
{
    /// <summary>The agreement that answered without its state (a booking); null when the state is there, or the agreement does not exist.</summary>
    public AgreementId? Answering { get; init; }

    /// <summary>Whether an existing agreement answered (with its state, or for a booking without it).</summary>
    public bool Exists => State is not null || Answering is not null;

    public string PersistenceId => (State?.Id ?? Answering) is { } id ? AgreementActor.PersistenceIdOf(id) : string.Empty;
}
