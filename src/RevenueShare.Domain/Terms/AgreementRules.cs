using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Terms;

/// <summary>
/// What the allocation engine needs of an agreement: its parties in order, its enterprises, and the
/// sharing terms over time (the original terms, then each approved amendment from its month on).
/// </summary>
public sealed record AgreementRules(
    ImmutableArray<Party> Parties,
    ImmutableArray<CoveredEnterprise> Enterprises,
    ImmutableArray<TermsVersion> Versions)
{
    public static AgreementRules From(AgreementTerms terms) =>
        new(terms.Parties, terms.Enterprises, [new TermsVersion(terms.Effective.From, terms.Terms)]);

    /// <summary>The rules with an amendment's terms in force from <paramref name="from"/> on.</summary>
    public AgreementRules Amend(YearMonth from, ImmutableArray<SharingTerm> terms) =>
        this with { Versions = [.. Versions.Where(v => v.From < from), new TermsVersion(from, terms)] };

    /// <summary>The term covering <paramref name="indicator"/> in <paramref name="month"/>, if any.</summary>
    public SharingTerm? TermFor(Indicator indicator, YearMonth month)
    {
        TermsVersion? version = null;
        foreach (var candidate in Versions)
        {
            if (candidate.From <= month && (version is null || candidate.From > version.From))
            {
                version = candidate;
            }
        }

        if (version is null)
        {
            return null;
        }

        foreach (var term in version.Terms)
        {
            if (term.Indicators.Contains(indicator))
            {
                return term;
            }
        }

        return null;
    }
}
