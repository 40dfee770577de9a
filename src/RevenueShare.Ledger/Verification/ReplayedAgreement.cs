using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Verification;

/// <summary>
/// One agreement rebuilt from its journal by the domain's own <see cref="AgreementState.Apply"/>, as its
/// actor recovers it without a snapshot, with what its events booked summed beside it: the entries
/// (allocations and adjustments) other than double-count credits, per month and indicator.
/// </summary>
internal sealed class ReplayedAgreement(string persistenceId)
{
    public string PersistenceId { get; } = persistenceId;

    public AgreementState? State { get; private set; }

    public Dictionary<(YearMonth Month, Indicator Indicator), decimal> Allocated { get; } = [];

    public long Events { get; private set; }

    public long Entries { get; private set; }

    public void Apply(IAgreementEvent @event)
    {
        State = @event is AgreementCreated created ? AgreementState.Created(created) : State!.Apply(@event);
        Events++;
        var booked = @event switch
        {
            FiguresBooked figures => figures.Entries,
            AmendmentApproved amendment => amendment.Entries,
            FactorsReported factors => factors.Entries,
            _ => [],
        };
        foreach (var entry in booked)
        {
            Entries++;
            var line = entry.Change.Line;
            if (!line.DoubleCount)
            {
                var key = (line.Month, line.Indicator);
                Allocated[key] = Allocated.GetValueOrDefault(key) + entry.Change.Amount;
            }
        }
    }
}
