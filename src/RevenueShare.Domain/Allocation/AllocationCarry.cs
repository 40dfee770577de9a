using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Allocation;

/// <summary>
/// What an enterprise's figures before <see cref="From"/> leave to the figures from it on, in canonical
/// order: the year-to-date total of each baseline indicator in <see cref="From"/>'s year, and the net
/// amount already moved away from the registered district over the cap's indicators. With it a booking
/// recomputes an enterprise from the earliest month it touches instead of from its first figure.
/// </summary>
public sealed record AllocationCarry(YearMonth From, ImmutableDictionary<Indicator, decimal> YearToDate, decimal Transferred)
{
    /// <summary>
    /// The carry into <paramref name="from"/>: year-to-date totals summed from the earlier covered
    /// figures of the same year, and <paramref name="transferred"/>, the sum of the booked lines of the
    /// earlier months that <see cref="Transfers"/>.
    /// </summary>
    public static AllocationCarry Into(
        YearMonth from,
        CoveredEnterprise enterprise,
        IEnumerable<Figure> coveredFigures,
        decimal transferred)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        ArgumentNullException.ThrowIfNull(coveredFigures);

        var yearToDate = ImmutableDictionary.CreateBuilder<Indicator, decimal>();
        if (!enterprise.Baselines.IsEmpty)
        {
            foreach (var figure in coveredFigures)
            {
                if (figure.Month < from && figure.Month.Year == from.Year && enterprise.Baselines.ContainsKey(figure.Indicator))
                {
                    yearToDate[figure.Indicator] = yearToDate.GetValueOrDefault(figure.Indicator) + figure.Amount;
                }
            }
        }

        return new AllocationCarry(from, yearToDate.ToImmutable(), transferred);
    }

    /// <summary>
    /// Whether a booked line's amount moved away from the registered district over the cap: the lines
    /// the cap saw, every party but the registered district's over the cap's indicators, double-count
    /// credits apart, since those move nothing. Never when the enterprise has no cap.
    /// </summary>
    public static bool Transfers(CoveredEnterprise enterprise, Indicator indicator, DistrictCode district, bool doubleCount)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        return enterprise.Cap is { } cap && !doubleCount && district != enterprise.RegisteredDistrict && cap.Indicators.Contains(indicator);
    }
}
