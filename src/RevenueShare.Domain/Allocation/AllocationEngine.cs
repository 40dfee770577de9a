using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Allocation;

/// <summary>
/// The allocation arithmetic of docs/allocation.md: a pure function of an agreement's rules and the
/// current revision of every figure. Figures are taken in canonical order (month, indicator in catalogue
/// order, enterprise id) because baselines and caps carry state from one figure to the next.
/// </summary>
public static class AllocationEngine
{
    /// <summary>
    /// Allocates every figure of one enterprise, in canonical order, one line per party per figure
    /// (parties in <see cref="AgreementRules.Parties"/> order). Throws <see cref="ArgumentException"/>
    /// for a figure of another enterprise, a second figure for the same indicator and month, or a figure
    /// no term covers: the caller validates coverage before allocating.
    /// </summary>
    public static IReadOnlyList<AllocationLine> AllocateEnterprise(
        AgreementRules rules,
        CoveredEnterprise enterprise,
        IEnumerable<Figure> figures) =>
        AllocateEnterprise(rules, enterprise, figures, null);

    /// <summary>
    /// As <see cref="AllocateEnterprise(AgreementRules, CoveredEnterprise, IEnumerable{Figure})"/>
    /// for the figures from <paramref name="carry"/>'s month on, starting from what the earlier figures
    /// left (<see cref="AllocationCarry.Into"/>); the lines equal those of allocating every figure from the
    /// first. A figure before that month throws <see cref="ArgumentException"/>.
    /// </summary>
    public static IReadOnlyList<AllocationLine> AllocateEnterprise(
        AgreementRules rules,
        CoveredEnterprise enterprise,
        IEnumerable<Figure> figures,
        AllocationCarry? carry)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(enterprise);
        ArgumentNullException.ThrowIfNull(figures);

        var ordered = figures
            .Select(f => f.Enterprise != enterprise.Id
                ? throw new ArgumentException($"Figure {Describe(f)} is not of enterprise {enterprise.Id}.", nameof(figures))
                : carry is not null && f.Month < carry.From
                    ? throw new ArgumentException($"Figure {Describe(f)} is before {Months.Format(carry.From)}, where the carry starts.", nameof(figures))
                    : f)
            .OrderBy(f => f.Month)
            .ThenBy(f => f.Indicator.Order)
            .ToArray();

        var registered = IndexOfRegistered(rules.Parties, enterprise);
        var state = new EnterpriseState(enterprise, carry);
        var lines = new List<AllocationLine>(ordered.Length * rules.Parties.Length);
        Figure? previous = null;
        foreach (var figure in ordered)
        {
            if (previous is not null && previous.Month == figure.Month && previous.Indicator == figure.Indicator)
            {
                throw new ArgumentException($"Two figures for {Describe(figure)}: only the current revision is allocated.", nameof(figures));
            }

            AllocateFigure(rules, registered, state, figure, lines);
            previous = figure;
        }

        return lines;
    }

    /// <summary>
    /// Allocates every figure of the agreement, in canonical order. Enterprises are independent
    /// (baselines and caps are per enterprise), so this is <c>AllocateEnterprise</c> per
    /// enterprise merged into canonical order. A figure of an enterprise the agreement does not cover
    /// throws <see cref="ArgumentException"/>.
    /// </summary>
    public static IReadOnlyList<AllocationLine> Allocate(AgreementRules rules, IEnumerable<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(figures);

        var enterprises = rules.Enterprises.ToDictionary(e => e.Id);
        var lines = new List<AllocationLine>();
        foreach (var group in figures.GroupBy(f => f.Enterprise))
        {
            if (!enterprises.TryGetValue(group.Key, out var enterprise))
            {
                throw new ArgumentException($"Enterprise {group.Key} is not covered by the agreement.", nameof(figures));
            }

            lines.AddRange(AllocateEnterprise(rules, enterprise, group));
        }

        // OrderBy is stable: the lines of one figure keep their party order.
        return lines
            .OrderBy(l => l.Month)
            .ThenBy(l => l.Indicator.Order)
            .ThenBy(l => l.Enterprise.Value, StringComparer.Ordinal)
            .ToArray();
    }

    private static void AllocateFigure(
        AgreementRules rules,
        int registered,
        EnterpriseState state,
        Figure figure,
        List<AllocationLine> lines)
    {
        var term = rules.TermFor(figure.Indicator, figure.Month)
            ?? throw new ArgumentException($"No term of the agreement covers {Describe(figure)}.", nameof(rules));
        var scale = figure.Indicator.Scale;
        var parties = rules.Parties;
        var ratios = state.RatiosFor(rules, term, figure.Month)
            ?? throw new ArgumentException($"No apportionment factors of {figure.Month.Year - 1} for {Describe(figure)}: the caller refuses such a figure.", nameof(rules));

        var x = figure.Amount;
        var shared = state.Shareable(figure);
        var basePart = x - shared;

        var cap = state.CapOver(figure.Indicator);
        decimal? remainingBefore = null;
        decimal? remainingAfter = null;
        decimal[] amounts;
        if (term.Mode == AllocationMode.DoubleCount)
        {
            // Double counting credits the other parties without taking anything from the registered
            // district, so nothing moves and the cap is untouched.
            amounts = new decimal[parties.Length];
            for (var k = 0; k < parties.Length; k++)
            {
                amounts[k] = k == registered ? x : shared;
            }

            if (cap is not null)
            {
                remainingBefore = cap.Amount - state.Transferred;
                remainingAfter = remainingBefore;
            }
        }
        else
        {
            var parts = LargestRemainder.Split(shared, ratios, scale);
            if (cap is not null)
            {
                remainingBefore = cap.Amount - state.Transferred;
                parts = ApplyCap(parts, ratios, registered, cap.Amount, state.Transferred, scale);
            }

            var transferred = SumOfOthers(parts, registered);
            parts[registered] = x - transferred;
            amounts = parts;
            if (cap is not null)
            {
                state.Transferred += transferred;
                remainingAfter = cap.Amount - state.Transferred;
            }
        }

        var capScale = state.CapScale(scale);
        for (var k = 0; k < parties.Length; k++)
        {
            lines.Add(new AllocationLine(
                figure.Enterprise,
                figure.Indicator,
                figure.Month,
                parties[k].District,
                Amounts.Round(amounts[k], scale),
                ratios[k],
                Amounts.Round(basePart, scale),
                Amounts.Round(shared, scale),
                remainingBefore is { } before ? Amounts.Round(before, capScale) : null,
                remainingAfter is { } after ? Amounts.Round(after, capScale) : null,
                term.Mode == AllocationMode.DoubleCount && k != registered));
        }
    }

    /// <summary>
    /// The parts after the cap (docs/allocation.md, Cap): when the transfer would take the enterprise
    /// past its cap, the other parties share what is left of it in their ratios; the registered
    /// district's part is left for the caller to complete to the figure.
    /// </summary>
    private static decimal[] ApplyCap(decimal[] parts, decimal[] ratios, int registered, decimal cap, decimal transferredBefore, int scale)
    {
        var wanted = SumOfOthers(parts, registered);
        if (transferredBefore + wanted <= cap)
        {
            return parts;
        }

        // Truncating toward zero keeps the split input at the scale and can only keep the transfer
        // within the cap (matters only when the cap has more digits than this indicator's scale).
        var allowed = Amounts.Round(Math.Max(0m, cap - transferredBefore), scale);
        var capped = new decimal[parts.Length];
        if (allowed == 0m)
        {
            return capped;
        }

        var others = Enumerable.Range(0, parts.Length).Where(k => k != registered).ToArray();
        var split = LargestRemainder.Split(allowed, [.. others.Select(k => ratios[k])], scale);
        for (var n = 0; n < others.Length; n++)
        {
            capped[others[n]] = split[n];
        }

        return capped;
    }

    /// <summary>What the parties other than the registered district receive, summed in party order.</summary>
    private static decimal SumOfOthers(decimal[] parts, int registered)
    {
        var sum = 0m;
        for (var k = 0; k < parts.Length; k++)
        {
            if (k != registered)
            {
                sum += parts[k];
            }
        }

        return sum;
    }

    private static int IndexOfRegistered(ImmutableArray<Party> parties, CoveredEnterprise enterprise)
    {
        for (var k = 0; k < parties.Length; k++)
        {
            if (parties[k].District == enterprise.RegisteredDistrict)
            {
                return k;
            }
        }

        throw new ArgumentException($"The registered district {enterprise.RegisteredDistrict} of {enterprise.Id} is not a party.", nameof(enterprise));
    }

    private static string Describe(Figure figure) =>
        $"{figure.Enterprise} {figure.Indicator} {Months.Format(figure.Month)}";

    /// <summary>What one enterprise carries from figure to figure in canonical order.</summary>
    private sealed class EnterpriseState
    {
        private readonly CoveredEnterprise enterprise;
        private readonly Dictionary<(Indicator Indicator, int Year), decimal> yearToDate = [];
        private readonly Dictionary<(SharingTerm Term, int Year), decimal[]?> formulaRatios = [];

        public EnterpriseState(CoveredEnterprise enterprise, AllocationCarry? carry)
        {
            this.enterprise = enterprise;
            if (carry is not null)
            {
                foreach (var (indicator, total) in carry.YearToDate)
                {
                    yearToDate[(indicator, carry.From.Year)] = total;
                }

                Transferred = carry.Transferred;
            }
        }

        /// <summary>
        /// <see cref="AgreementRules.RatiosFor"/>, a formula term's ratios computed once per term and
        /// year: every figure of the year shares them.
        /// </summary>
        public decimal[]? RatiosFor(AgreementRules rules, SharingTerm term, YearMonth month)
        {
            if (term.Formula is null)
            {
                return rules.RatiosFor(term, enterprise, month);
            }

            if (!formulaRatios.TryGetValue((term, month.Year), out var ratios))
            {
                ratios = rules.RatiosFor(term, enterprise, month);
                formulaRatios[(term, month.Year)] = ratios;
            }

            return ratios;
        }

        /// <summary>Net amount moved away from the registered district over the cap's indicators.</summary>
        public decimal Transferred { get; set; }

        public EnterpriseCap? CapOver(Indicator indicator) =>
            enterprise.Cap is { } cap && cap.Indicators.Contains(indicator) ? cap : null;

        /// <summary>
        /// The shareable part (docs/allocation.md, Shareable part) and the year-to-date total moved on
        /// by this figure. Months arrive in order for each indicator, so the running total is exactly
        /// the earlier months of the year.
        /// </summary>
        public decimal Shareable(Figure figure)
        {
            if (!enterprise.Baselines.TryGetValue(figure.Indicator, out var baseline))
            {
                return figure.Amount;
            }

            var key = (figure.Indicator, figure.Month.Year);
            var before = yearToDate.GetValueOrDefault(key);
            var after = before + figure.Amount;
            yearToDate[key] = after;
            return Math.Max(0m, after - baseline) - Math.Max(0m, before - baseline);
        }

        /// <summary>Cap remainders are shown at the finest scale of the cap's indicators, so they are never cut.</summary>
        public int CapScale(int scale)
        {
            if (enterprise.Cap is not { } cap)
            {
                return scale;
            }

            scale = Math.Max(scale, (int)cap.Amount.Scale);
            foreach (var indicator in cap.Indicators)
            {
                scale = Math.Max(scale, indicator.Scale);
            }

            return scale;
        }
    }
}
