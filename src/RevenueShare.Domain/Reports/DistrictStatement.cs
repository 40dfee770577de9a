using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Reports;

/// <summary>
/// What the agreements did to one district's figures over the months <see cref="From"/>..<see cref="To"/>
/// (docs/statement.md), one line per indicator of the catalogue, in catalogue order. Computed by
/// <see cref="Of"/> from the months' totals, with no I/O.
/// </summary>
public sealed record DistrictStatement(DistrictCode District, YearMonth From, YearMonth To, ImmutableArray<StatementLine> Indicators)
{
    /// <summary>
    /// The statement of <paramref name="district"/> from the totals of the months
    /// <paramref name="from"/>..<paramref name="to"/>: <paramref name="figures"/> over all agreements,
    /// <paramref name="allocations"/> over all agreements and districts.
    /// </summary>
    public static DistrictStatement Of(
        DistrictCode district,
        YearMonth from,
        YearMonth to,
        IReadOnlyList<Indicator> indicators,
        IReadOnlyList<FigureTotal> figures,
        IReadOnlyList<AllocationTotal> allocations)
    {
        var figuresOf = figures.ToLookup(f => f.Indicator, StringComparer.Ordinal);
        var allocationsOf = allocations.ToLookup(a => a.Indicator, StringComparer.Ordinal);
        return new DistrictStatement(district, from, to, [.. indicators.Select(indicator =>
        {
            var parts = allocationsOf[indicator.Code].ToArray();
            var shared = parts.Where(a => !a.DoubleCount).ToArray();
            decimal Amount(long units) => Amounts.FromUnits(units, indicator.Scale);
            return new StatementLine(
                indicator,
                Amount(figuresOf[indicator.Code].Where(f => f.Registered == district).Sum(f => f.Units)),
                Amount(shared.Where(a => a.Registered == district && a.District != district).Sum(a => a.Units)),
                Amount(shared.Where(a => a.District == district && a.Registered != district).Sum(a => a.Units)),
                Amount(parts.Where(a => a.DoubleCount && a.District == district).Sum(a => a.Units)));
        })]);
    }
}
