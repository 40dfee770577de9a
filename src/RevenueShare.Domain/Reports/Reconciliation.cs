using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Reports;

/// <summary>
/// A month's reconciliation (docs/reconciliation.md, docs/decisions.md, The offices' reports): per
/// indicator reported against allocated, the reports that should exist and do not, and where each
/// agreement's review stands per family. Computed by <see cref="Of"/> from the month's totals, with no
/// I/O: whoever reads the ledger fetches, for the agreements <see cref="ShortOfFigures"/> names only,
/// which figures were reported.
/// </summary>
public sealed record Reconciliation(
    YearMonth Month,
    ImmutableArray<IndicatorReconciliation> Indicators,
    ImmutableArray<MissingFigure> Missing,
    ImmutableArray<FamilyReview> Reviews)
{
    /// <summary>
    /// The agreements that lack a figure for some enterprise and covered indicator of the month. An
    /// agreement has at most one current figure per enterprise, indicator and month, so as many figures
    /// as enterprises means none is missing; only an agreement short of some need be read figure by
    /// figure, which keeps a month of a city's agreements from reading every figure.
    /// </summary>
    public static ImmutableArray<AgreementId> ShortOfFigures(IReadOnlyList<ReconciledAgreement> agreements, IReadOnlyList<FigureTotal> figures)
    {
        var counts = Counts(figures);
        return [.. agreements.Where(a => IsShort(a, counts)).Select(a => a.Id)];
    }

    /// <summary>
    /// The reconciliation of <paramref name="month"/> over <paramref name="indicators"/> (those the caller
    /// may see, in catalogue order). <paramref name="agreements"/> are the agreements open for the month,
    /// in the order they are to be listed; <paramref name="figures"/> and <paramref name="allocations"/>
    /// the month's totals; <paramref name="reviews"/> the month's review decisions;
    /// <paramref name="reported"/> the (enterprise, indicator) pairs with a current figure, for at least
    /// every agreement <see cref="ShortOfFigures"/> names.
    /// </summary>
    public static Reconciliation Of(
        YearMonth month,
        IReadOnlyList<Indicator> indicators,
        IReadOnlyList<ReconciledAgreement> agreements,
        IReadOnlyList<FigureTotal> figures,
        IReadOnlyList<AllocationTotal> allocations,
        IReadOnlyList<FamilyReview> reviews,
        IReadOnlyDictionary<AgreementId, IReadOnlySet<(string Enterprise, string Indicator)>> reported)
    {
        var figuresOf = figures.ToLookup(f => f.Indicator, StringComparer.Ordinal);
        var allocationsOf = allocations.ToLookup(a => a.Indicator, StringComparer.Ordinal);
        var lines = indicators.Select(i => Line(i, figuresOf[i.Code], allocationsOf[i.Code])).ToImmutableArray();

        var counts = Counts(figures);
        var decided = reviews.ToDictionary(r => (r.Agreement, r.Family), r => r.Status);
        var missing = ImmutableArray.CreateBuilder<MissingFigure>();
        var standing = ImmutableArray.CreateBuilder<FamilyReview>();
        foreach (var agreement in agreements)
        {
            if (IsShort(agreement, counts))
            {
                var keys = reported[agreement.Id];
                foreach (var enterprise in agreement.Enterprises.OrderBy(e => e.Value, StringComparer.Ordinal))
                {
                    missing.AddRange(agreement.Covered
                        .Where(i => !keys.Contains((enterprise.Value, i.Code)))
                        .Select(i => new MissingFigure(agreement.Id, enterprise, i)));
                }
            }

            // A family is reviewed for an agreement only where its terms cover an indicator of it.
            foreach (var family in agreement.Covered.Select(i => i.Family).Distinct().Order())
            {
                standing.Add(new FamilyReview(agreement.Id, family, decided.GetValueOrDefault((agreement.Id, family))));
            }
        }

        return new Reconciliation(month, lines, missing.ToImmutable(), standing.ToImmutable());
    }

    private static IndicatorReconciliation Line(Indicator indicator, IEnumerable<FigureTotal> figures, IEnumerable<AllocationTotal> allocations)
    {
        var reported = figures.ToArray();
        var allocated = allocations.Where(a => !a.DoubleCount).ToArray();
        var districts = ByDistrict(allocated.Select(a => (a.District, a.Units)), indicator.Scale);
        var statistical = indicator.Family == IndicatorFamily.Statistics;
        return new IndicatorReconciliation(
            indicator,
            Amounts.FromUnits(reported.Sum(f => f.Units), indicator.Scale),
            Amounts.FromUnits(allocated.Sum(a => a.Units), indicator.Scale),
            districts,
            statistical ? ByDistrict(reported.Select(f => (f.Registered, f.Units)), indicator.Scale) : null,
            statistical ? ByDistrict(allocations.Where(a => a.DoubleCount).Select(a => (a.District, a.Units)), indicator.Scale) : null);
    }

    /// <summary>Units summed per district, ordinal order of district code; a district whose parts cancel out stays, at zero.</summary>
    private static SortedDictionary<DistrictCode, decimal> ByDistrict(IEnumerable<(DistrictCode District, long Units)> parts, int scale)
    {
        var units = new SortedDictionary<DistrictCode, long>();
        foreach (var (district, amount) in parts)
        {
            units[district] = checked(units.GetValueOrDefault(district) + amount);
        }

        var amounts = new SortedDictionary<DistrictCode, decimal>();
        foreach (var (district, sum) in units)
        {
            amounts.Add(district, Amounts.FromUnits(sum, scale));
        }

        return amounts;
    }

    private static Dictionary<(AgreementId Agreement, string Indicator), long> Counts(IReadOnlyList<FigureTotal> figures) =>
        figures.GroupBy(f => (f.Agreement, f.Indicator)).ToDictionary(g => g.Key, g => g.Sum(f => f.Count));

    private static bool IsShort(ReconciledAgreement agreement, Dictionary<(AgreementId Agreement, string Indicator), long> counts) =>
        agreement.Covered.Any(i => counts.GetValueOrDefault((agreement.Id, i.Code)) < agreement.Enterprises.Length);
}
