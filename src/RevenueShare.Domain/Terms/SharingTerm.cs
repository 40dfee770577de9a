using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Terms;

/// <summary>
/// How a set of indicators is shared: a mode and a ratio schedule whose first step starts with the
/// agreement, or, in <see cref="AllocationMode.Formula"/> mode, no schedule and the
/// <see cref="Formula"/> the ratios of each year come from. Indicators are disjoint across the terms of
/// one agreement.
/// </summary>
public sealed record SharingTerm(ImmutableArray<Indicator> Indicators, AllocationMode Mode, ImmutableArray<RatioStep> Schedule, FormulaShares? Formula = null)
{
    /// <summary>The schedule step in force in <paramref name="month"/>: the greatest <c>from</c> ≤ month.</summary>
    public RatioStep StepFor(YearMonth month)
    {
        RatioStep? found = null;
        foreach (var step in Schedule)
        {
            if (step.From <= month && (found is null || step.From > found.From))
            {
                found = step;
            }
        }

        return found ?? throw new InvalidOperationException($"No ratio step is in force in {month}; the schedule must start with the agreement.");
    }
}
