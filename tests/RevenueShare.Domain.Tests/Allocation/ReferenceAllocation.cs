using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Tests.Allocation;

/// <summary>
/// The six steps of docs/allocation.md computed again for the property tests, each as the text says it
/// and without the engine's shortcuts: the year-to-date total of a baseline is summed afresh from the
/// figures of the year, the amount already transferred under a cap is summed afresh from the lines
/// computed before, and every split is <see cref="ReferenceSplit"/>. Double-count follows
/// docs/agreements.md, Modes, with the base part of step 2: the registered district keeps its whole
/// figure and every other party is credited the shareable part, moving nothing under a cap.
/// </summary>
internal static class ReferenceAllocation
{
    /// <summary>The lines of every figure, in canonical order (month, indicator, enterprise), each figure's parties in party order.</summary>
    public static List<AllocationLine> Allocate(AgreementRules rules, IReadOnlyCollection<Figure> figures)
    {
        var lines = new List<AllocationLine>();
        var canonical = figures
            .OrderBy(f => f.Month)
            .ThenBy(f => f.Indicator.Order)
            .ThenBy(f => f.Enterprise.Value, StringComparer.Ordinal);
        foreach (var figure in canonical)
        {
            lines.AddRange(Lines(rules, figures, lines, figure));
        }

        return lines;
    }

    private static IEnumerable<AllocationLine> Lines(AgreementRules rules, IReadOnlyCollection<Figure> figures, List<AllocationLine> earlier, Figure figure)
    {
        var enterprise = rules.Enterprises.Single(e => e.Id == figure.Enterprise);
        var parties = rules.Parties.Select(p => p.District).ToArray();
        var registered = Array.IndexOf(parties, enterprise.RegisteredDistrict);
        var scale = figure.Indicator.Scale;

        // 1. Ratios: the terms in force (the latest version from on or before the month), the term of the
        // indicator, its step with the greatest from ≤ month; a party the step does not name has 0.
        var version = rules.Versions.Where(v => v.From <= figure.Month).MaxBy(v => v.From)!;
        var term = version.Terms.Single(t => t.Indicators.Contains(figure.Indicator));
        var step = term.Schedule.Where(s => s.From <= figure.Month).MaxBy(s => s.From)!;
        var ratios = parties.Select(d => step.Ratios.GetValueOrDefault(d)).ToArray();

        // 2. Shareable part.
        var x = figure.Amount;
        var shared = x;
        if (enterprise.Baselines.TryGetValue(figure.Indicator, out var baseline))
        {
            var y0 = figures
                .Where(f => f.Enterprise == figure.Enterprise && f.Indicator == figure.Indicator && f.Month.Year == figure.Month.Year && f.Month < figure.Month)
                .Sum(f => f.Amount);
            var y1 = y0 + x;
            shared = Math.Max(0m, y1 - baseline) - Math.Max(0m, y0 - baseline);
        }

        var basePart = x - shared;
        var cap = enterprise.Cap is { } c && c.Indicators.Contains(figure.Indicator) ? c : null;
        var transferredBefore = cap is null
            ? 0m
            : earlier
                .Where(l => l.Enterprise == figure.Enterprise && cap.Indicators.Contains(l.Indicator) && l.District != enterprise.RegisteredDistrict && !l.DoubleCount)
                .Sum(l => l.Amount);

        decimal[] amounts;
        var transfer = 0m;
        var doubleCount = term.Mode == AllocationMode.DoubleCount;
        if (doubleCount)
        {
            amounts = [.. parties.Select((_, k) => k == registered ? x : shared)];
        }
        else
        {
            // 3. Largest remainder; R also keeps the base part.
            amounts = ReferenceSplit.Split(shared, ratios, scale);
            amounts[registered] += basePart;
            transfer = amounts.Where((_, k) => k != registered).Sum();

            // 4. Cap: past it, the others share what is left of it in their ratios and R receives the rest.
            if (cap is not null && transferredBefore + transfer > cap.Amount)
            {
                var others = Enumerable.Range(0, parties.Length).Where(k => k != registered).ToArray();
                var left = Math.Max(0m, cap.Amount - transferredBefore);
                var capped = ReferenceSplit.Split(left, [.. others.Select(k => ratios[k])], scale);
                amounts = new decimal[parties.Length];
                for (var n = 0; n < others.Length; n++)
                {
                    amounts[others[n]] = capped[n];
                }

                transfer = left;
                amounts[registered] = x - left;
            }
        }

        // 6. Explanation: ratio, base part, shareable part, the cap remaining before and after.
        return parties.Select((district, k) => new AllocationLine(
            figure.Enterprise,
            figure.Indicator,
            figure.Month,
            district,
            amounts[k],
            ratios[k],
            basePart,
            shared,
            cap is null ? null : cap.Amount - transferredBefore,
            cap is null ? null : cap.Amount - transferredBefore - transfer,
            doubleCount && k != registered));
    }
}
