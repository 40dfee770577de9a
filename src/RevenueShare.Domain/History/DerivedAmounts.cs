using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.History;

/// <summary>
/// Caps and baselines derived from an enterprise's history (docs/allocation.md, history and derived
/// amounts): a cap is the sum of the history of its indicators over the window, a baseline the annual
/// average of one indicator's history, truncated toward zero at its scale. Both need a figure for every
/// month of the window; <see cref="Missing"/> says which are not there, as certification's refusal lists
/// them.
/// </summary>
public static class DerivedAmounts
{
    /// <summary>
    /// The months of <paramref name="window"/> with no history figure for an indicator, indicator by
    /// indicator in the order given, months in order.
    /// </summary>
    /// <param name="history">The current revision of the enterprise's history figure of an indicator and month; null when none was reported.</param>
    public static IReadOnlyList<(Indicator Indicator, YearMonth Month)> Missing(DerivationWindow window, IReadOnlyList<Indicator> indicators, Func<Indicator, YearMonth, decimal?> history)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(history);
        return [.. indicators.SelectMany(indicator => window.Months.Where(month => history(indicator, month) is null).Select(month => (indicator, month)))];
    }

    /// <summary>The sum of the history of <paramref name="indicators"/> over the window.</summary>
    public static decimal Cap(DerivationWindow window, IReadOnlyList<Indicator> indicators, Func<Indicator, YearMonth, decimal?> history)
    {
        RequireComplete(window, indicators, history);
        var sum = 0m;
        foreach (var indicator in indicators)
        {
            foreach (var month in window.Months)
            {
                sum = checked(sum + history(indicator, month)!.Value);
            }
        }

        return sum;
    }

    /// <summary>The history of <paramref name="indicator"/> over the window divided by its years, truncated toward zero at the indicator's scale.</summary>
    public static decimal Baseline(DerivationWindow window, Indicator indicator, Func<Indicator, YearMonth, decimal?> history)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var units = Amounts.ToUnits(Cap(window, [indicator], history), indicator.Scale);

        // Integer division truncates toward zero, on either sign.
        return Amounts.FromUnits(units / window.Years, indicator.Scale);
    }

    private static void RequireComplete(DerivationWindow window, IReadOnlyList<Indicator> indicators, Func<Indicator, YearMonth, decimal?> history)
    {
        var missing = Missing(window, indicators, history);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{missing.Count} months of history are missing, the first {missing[0].Indicator.Code} {missing[0].Month}: a derived amount needs every month of its window.");
        }
    }
}
