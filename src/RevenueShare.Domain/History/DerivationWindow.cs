using NodaTime;

namespace RevenueShare.Domain.History;

/// <summary>
/// The months a derived cap or baseline is computed from (docs/allocation.md, history and derived
/// amounts): the <see cref="Years"/> whole calendar years before the year the agreement takes effect,
/// every month of each.
/// </summary>
public sealed record DerivationWindow
{
    /// <summary>The most years a derived amount may look back, as the national rule does (three years before the move).</summary>
    public const int MaxYears = 3;

    private DerivationWindow(int firstYear, int years)
    {
        FirstYear = firstYear;
        Years = years;
    }

    public int FirstYear { get; }

    public int Years { get; }

    /// <summary>Every month of the window, in order.</summary>
    public IEnumerable<YearMonth> Months =>
        Enumerable.Range(FirstYear, Years).SelectMany(year => Enumerable.Range(1, 12).Select(month => new YearMonth(year, month)));

    /// <summary>The <paramref name="years"/> (1 to 3) calendar years before the year of <paramref name="effectiveFrom"/>.</summary>
    public static DerivationWindow Before(YearMonth effectiveFrom, int years)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, MaxYears);
        return new DerivationWindow(effectiveFrom.Year - years, years);
    }
}
