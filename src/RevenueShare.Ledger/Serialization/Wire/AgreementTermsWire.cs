using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>An agreement's terms as stored in <c>agreement-created.v1</c>, <c>draft-edited.v1</c> and the snapshots' heads.</summary>
public sealed record AgreementTermsWire(
    string Title,
    string Model,
    IReadOnlyList<PartyWire> Parties,
    EffectivePeriodWire Effective,
    IReadOnlyList<CoveredEnterpriseWire> Enterprises,
    IReadOnlyList<SharingTermWire> Terms)
{
    public static AgreementTermsWire Of(AgreementTerms terms) => new(
        terms.Title,
        WireNames.Model.Name(terms.Model),
        [.. terms.Parties.Select(PartyWire.Of)],
        EffectivePeriodWire.Of(terms.Effective),
        [.. terms.Enterprises.Select(CoveredEnterpriseWire.Of)],
        SharingTermWire.Of(terms.Terms));

    public AgreementTerms ToDomain(ReferenceData reference) => new(
        Title,
        WireNames.Model.Parse(Model),
        [.. Parties.Select(p => p.ToDomain())],
        Effective.ToDomain(),
        [.. Enterprises.Select(e => e.ToDomain(reference))],
        SharingTermWire.ToDomain(Terms, reference));
}
