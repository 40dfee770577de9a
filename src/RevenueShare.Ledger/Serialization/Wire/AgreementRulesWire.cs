using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>An agreement's rules (parties, enterprises, the terms over time) as stored in a snapshot.</summary>
public sealed record AgreementRulesWire(IReadOnlyList<PartyWire> Parties, IReadOnlyList<CoveredEnterpriseWire> Enterprises, IReadOnlyList<TermsVersionWire> Versions)
{
    public static AgreementRulesWire Of(AgreementRules rules) => new(
        [.. rules.Parties.Select(PartyWire.Of)],
        [.. rules.Enterprises.Select(CoveredEnterpriseWire.Of)],
        [.. rules.Versions.Select(TermsVersionWire.Of)]);

    public AgreementRules ToDomain(ReferenceData reference) => new(
        [.. Parties.Select(p => p.ToDomain())],
        [.. Enterprises.Select(e => e.ToDomain(reference))],
        [.. Versions.Select(v => v.ToDomain(reference))]);
}
