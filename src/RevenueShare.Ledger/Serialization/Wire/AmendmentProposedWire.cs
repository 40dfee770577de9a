using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>The stored form of <c>amendment-proposed.v1</c>: an agreement had an amendment proposed.</summary>
public sealed record AmendmentProposedWire(
    string AgreementId,
    int Number,
    YearMonth From,
    IReadOnlyList<SharingTermWire> Terms,
    Instant At,
    string By)
{
    public static AmendmentProposedWire Of(AmendmentProposed e) => new(e.AgreementId.Value, e.Number, e.From, SharingTermWire.Of(e.Terms), e.At, e.By.ToString());

    public AmendmentProposed ToDomain(ReferenceData reference) => new(Domain.Agreements.AgreementId.Parse(AgreementId), Number, From, SharingTermWire.ToDomain(Terms, reference), At, Principal.Parse(By));
}
