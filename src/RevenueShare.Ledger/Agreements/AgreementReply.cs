using System.Collections.Immutable;
using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Agreements;

/// <summary>
/// An agreement's answer, sent only after whatever the command decided is in the journal.
/// <see cref="SequenceNr"/> is the journal position the answer reflects: reads wait for the projection
/// to pass it.
/// </summary>
public sealed record AgreementReply(AgreementState? State, Rejection? Rejection, ImmutableArray<ReportOutcome> Outcomes, long SequenceNr) : Serialization.ILedgerMessage
{
    public string PersistenceId => State is null ? string.Empty : AgreementActor.PersistenceIdOf(State.Id);
}
