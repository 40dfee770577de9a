using System.Collections.Immutable;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.History;

/// <summary>
/// One amount of an enterprise's terms that derives from its history: its cap (<see cref="Baseline"/>
/// null), the sum of <see cref="Indicators"/> over the window, or the baseline of one indicator, the
/// annual average of its history over the window.
/// </summary>
public sealed record DerivedAmount(Indicator? Baseline, ImmutableArray<Indicator> Indicators, DerivationWindow Window, bool Certified)
{
    /// <summary>What the amount is, as a refusal or a page names it: "the cap over vat, cit", "the baseline of cit".</summary>
    public string Describe() =>
        Baseline is { } indicator ? $"the baseline of {indicator.Code}" : $"the cap over {string.Join(", ", Indicators.Select(i => i.Code))}";

    /// <summary>The amount, from the history's current figures over the window.</summary>
    public CertifiedAmount Compute(Func<Indicator, NodaTime.YearMonth, decimal?> history) =>
        new(Baseline, Baseline is { } indicator ? History.DerivedAmounts.Baseline(Window, indicator, history) : History.DerivedAmounts.Cap(Window, Indicators, history));
}
