using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Terms;

/// <summary>
/// What the allocation engine needs of an agreement: its parties in order, its enterprises, the
/// sharing terms over time (the original terms, then each approved amendment from its month on), and
/// the current apportionment factors of each enterprise and year that formula terms take their ratios from.
/// </summary>
public sealed record AgreementRules(
    ImmutableArray<Party> Parties,
    ImmutableArray<CoveredEnterprise> Enterprises,
    ImmutableArray<TermsVersion> Versions)
{
    /// <summary>The current revision of each enterprise's factors, by the year they were measured in.</summary>
    public ImmutableDictionary<(CreditCode Enterprise, int Year), FactorReport> Factors { get; init; } =
        ImmutableDictionary<(CreditCode Enterprise, int Year), FactorReport>.Empty;

    /// <summary>Whether <paramref name="report"/> is the current revision of its enterprise's factors of its year.</summary>
    public bool IsCurrent(FactorReport report) =>
        report is not null && Factors.TryGetValue((report.Enterprise, report.Year), out var current) && current.ReportId == report.ReportId;

    /// <summary>The rules with <paramref name="report"/> as the current factors of its enterprise and year.</summary>
    public AgreementRules WithFactors(FactorReport report) =>
        this with { Factors = Factors.SetItem((report.Enterprise, report.Year), report) };

    /// <summary>
    /// The percent each party (in <see cref="Parties"/> order) receives of a figure of
    /// <paramref name="enterprise"/> in <paramref name="month"/> under <paramref name="term"/>: the
    /// schedule's step in force, or for a formula term the ratios of the factors of the year before
    /// (<see cref="FormulaRatios"/>); null when a formula term has no factors of that year yet.
    /// </summary>
    public decimal[]? RatiosFor(SharingTerm term, CoveredEnterprise enterprise, YearMonth month)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(enterprise);
        var ratios = new decimal[Parties.Length];
        if (term.Formula is not { } formula)
        {
            var step = term.StepFor(month);
            for (var k = 0; k < Parties.Length; k++)
            {
                ratios[k] = step.Ratios.GetValueOrDefault(Parties[k].District);
            }

            return ratios;
        }

        if (!Factors.TryGetValue((enterprise.Id, month.Year - 1), out var report))
        {
            return null;
        }

        var factors = new ApportionmentFactors[Parties.Length];
        var hq = -1;
        var registered = -1;
        for (var k = 0; k < Parties.Length; k++)
        {
            var district = Parties[k].District;
            factors[k] = report.Of(district)?.Factors ?? default;
            hq = district == formula.Hq ? k : hq;
            registered = district == enterprise.RegisteredDistrict ? k : registered;
        }

        return FormulaRatios.Percents(factors, hq, formula.HqPercent, formula.Weights, registered);
    }

    public static AgreementRules From(AgreementTerms terms) =>
        new(terms.Parties, terms.Enterprises, [new TermsVersion(terms.Effective.From, terms.Terms)]);

    /// <summary>The rules with an amendment's terms in force from <paramref name="from"/> on.</summary>
    public AgreementRules Amend(YearMonth from, ImmutableArray<SharingTerm> terms) =>
        this with { Versions = [.. Versions.Where(v => v.From < from), new TermsVersion(from, terms)] };

    /// <summary>
    /// The ratios <paramref name="report"/> sets, as if it were the current factors of its enterprise and
    /// year: for each formula term in force in some month of the year after, the percent of each party in
    /// <see cref="Parties"/> order, terms in the order of the versions and of their terms.
    /// </summary>
    public IReadOnlyList<(SharingTerm Term, decimal[] Ratios)> RatiosSetBy(FactorReport report, CoveredEnterprise enterprise)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = WithFactors(report);
        var set = new List<(SharingTerm Term, decimal[] Ratios)>();
        for (var month = new YearMonth(report.Year + 1, 1); month.Year == report.Year + 1; month = month.PlusMonths(1))
        {
            foreach (var term in VersionAt(month)?.Terms ?? [])
            {
                if (term.Formula is not null && !set.Exists(s => ReferenceEquals(s.Term, term)))
                {
                    set.Add((term, rules.RatiosFor(term, enterprise, month)!));
                }
            }
        }

        return set;
    }

    /// <summary>The term covering <paramref name="indicator"/> in <paramref name="month"/>, if any.</summary>
    public SharingTerm? TermFor(Indicator indicator, YearMonth month)
    {
        if (VersionAt(month) is not { } version)
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

    /// <summary>The version of the terms in force in <paramref name="month"/>: the greatest <c>from</c> ≤ month.</summary>
    private TermsVersion? VersionAt(YearMonth month)
    {
        TermsVersion? version = null;
        foreach (var candidate in Versions)
        {
            if (candidate.From <= month && (version is null || candidate.From > version.From))
            {
                version = candidate;
            }
        }

        return version;
    }
}
