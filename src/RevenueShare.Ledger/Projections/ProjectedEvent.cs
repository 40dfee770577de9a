using RevenueShare.Domain.Agreements;

namespace RevenueShare.Ledger.Projections;

/// <summary>
/// One journal event handed to the projectors: its sequence number in the agreement, the event, the
/// agreement's header after it (<see cref="AgreementHeaderProjector.AdvanceAsync"/>) and
/// <paramref name="Registered"/>, each covered enterprise's registered district by credit code.
/// </summary>
internal sealed record ProjectedEvent(long SequenceNr, IAgreementEvent Event, AgreementState Header, IReadOnlyDictionary<string, string> Registered)
{
    /// <summary>
    /// Whether the event changes what a header keeps (its lifecycle or terms): bookings, factor and
    /// history reports and reviews advance only its version, so they write no header row (<c>agreements</c>,
    /// <c>agreement_history</c>). A certification does: it sets derived amounts of the terms.
    /// </summary>
    public bool ChangesHeader => Event is not (FiguresBooked or FactorsReported or HistoryReported or MonthReviewed);

    /// <summary>The registered district of one of the agreement's enterprises; an entry or figure of any other is a defect.</summary>
    public string RegisteredDistrictOf(string enterprise) =>
        Registered.TryGetValue(enterprise, out var district)
            ? district
            : throw new InvalidOperationException($"{enterprise} has an entry under {Event.AgreementId} but is not one of its enterprises.");
}
