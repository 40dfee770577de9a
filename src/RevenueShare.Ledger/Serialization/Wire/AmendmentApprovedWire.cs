using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>amendment-approved.v1</c>: an agreement had an amendment approved, with the adjustments it caused.</summary>
public sealed record AmendmentApprovedWire(
    string AgreementId,
    int Number,
    string? Reason,
    IReadOnlyList<BookedEntryWire> Entries,
    Instant At,
    string By)
{
    public static AmendmentApprovedWire Of(AmendmentApproved e) => new(e.AgreementId.Value, e.Number, e.Reason, BookedEntryWire.Of(e.Entries), e.At, e.By.ToString());

    public AmendmentApproved ToDomain(ReferenceData reference) => new(Domain.Agreements.AgreementId.Parse(AgreementId), Number, Reason, BookedEntryWire.ToDomain(Entries, reference), At, Principal.Parse(By));
}
