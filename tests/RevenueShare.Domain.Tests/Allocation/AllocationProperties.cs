using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Domain.Tests.Allocation;

public sealed class AllocationProperties
{
    /// <summary>An amount at scale 2 and weights: percents summing to 100, or any weights ≥ 0 with a positive sum.</summary>
    private static readonly Arbitrary<(decimal Amount, decimal[] Weights)> Splits = Arb.From(
        from amount in Gen.Choose(-10_000_000, 10_000_000).Select(c => c / 100m)
        from count in Gen.Choose(1, 5)
        from weights in Gen.OneOf(
            Scenario.Ratios(count),
            Gen.ArrayOf(Gen.Choose(0, 10_000).Select(w => w / 100m), count).Where(w => w.Sum() > 0m))
        select (amount, weights));

    [Property]
    public Property Largest_remainder_parts_sum_exactly_to_the_amount() =>
        Prop.ForAll(Splits, s => LargestRemainder.Split(s.Amount, s.Weights, 2).Sum() == s.Amount);

    [Property]
    public Property Every_largest_remainder_part_is_within_one_unit_of_its_exact_share() =>
        Prop.ForAll(Splits, s =>
        {
            var parts = LargestRemainder.Split(s.Amount, s.Weights, 2);
            var total = s.Weights.Sum();
            return parts.Select((p, k) => Math.Abs(p - (s.Amount * s.Weights[k] / total))).All(d => d < 0.01m);
        });

    /// <summary>
    /// Stated for non-negative figures, where the transfer only grows; it holds for any sign, since a
    /// negative transfer only lowers what has been transferred.
    /// </summary>
    [Property]
    public Property With_non_negative_figures_the_cumulative_transfer_never_exceeds_the_cap() =>
        Prop.ForAll(Scenario.NonNegative, CapIsNeverExceeded);

    [Property]
    public Property With_any_figures_the_cumulative_transfer_never_exceeds_the_cap() =>
        Prop.ForAll(Scenario.Any, CapIsNeverExceeded);

    [Property]
    public Property The_allocation_does_not_depend_on_the_order_of_the_figures() =>
        Prop.ForAll(
            Arb.From(from s in Scenario.Any.Generator from shuffled in Gen.Shuffle(s.Figures.ToArray()) select (s, shuffled)),
            p => Print(AllocationEngine.Allocate(p.s.Rules, p.s.Figures))
                .SequenceEqual(Print(AllocationEngine.Allocate(p.s.Rules, p.shuffled))));

    [Property]
    public Property Booking_the_changes_after_every_report_sums_to_the_fresh_allocation_of_the_final_figures() =>
        Prop.ForAll(Scenario.WithReports, p =>
        {
            var figures = new Dictionary<(CreditCode, Indicator, NodaTime.YearMonth), Figure>();
            var booked = new Dictionary<(CreditCode, Indicator, NodaTime.YearMonth, DistrictCode), decimal>();
            IReadOnlyList<AllocationLine> previous = [];
            foreach (var report in p.Reports)
            {
                figures[(report.Enterprise, report.Indicator, report.Month)] = report;
                var current = AllocationEngine.Allocate(p.Scenario.Rules, figures.Values);
                foreach (var change in AllocationDelta.Between(previous, current))
                {
                    var key = (change.Line.Enterprise, change.Line.Indicator, change.Line.Month, change.Line.District);
                    booked[key] = booked.GetValueOrDefault(key) + change.Amount;
                }

                previous = current;
            }

            var fresh = AllocationEngine.Allocate(p.Scenario.Rules, figures.Values);
            return booked.Count == fresh.Count
                && fresh.All(l => booked.TryGetValue((l.Enterprise, l.Indicator, l.Month, l.District), out var sum) && sum == l.Amount);
        });

    [Property]
    public Property In_split_mode_the_lines_of_each_figure_sum_to_the_figure() =>
        Prop.ForAll(Scenario.Any, s =>
        {
            var lines = AllocationEngine.Allocate(s.Rules, s.Figures);
            var byFigure = lines.GroupBy(l => (l.Enterprise, l.Indicator, l.Month)).ToDictionary(g => g.Key, g => g.ToArray());
            return byFigure.Count == s.Figures.Length
                && s.Figures.All(f =>
                    byFigure[(f.Enterprise, f.Indicator, f.Month)] is var group
                    && group.Length == s.Rules.Parties.Length
                    && group.Sum(l => l.Amount) == f.Amount
                    && group.All(l => l.BasePart + l.SharedPart == f.Amount));
        });

    private static bool CapIsNeverExceeded(Scenario scenario)
    {
        var lines = AllocationEngine.Allocate(scenario.Rules, scenario.Figures);
        foreach (var enterprise in scenario.Rules.Enterprises)
        {
            if (enterprise.Cap is not { } cap)
            {
                continue;
            }

            var transferred = 0m;
            foreach (var line in lines.Where(l => l.Enterprise == enterprise.Id && cap.Indicators.Contains(l.Indicator)))
            {
                if (line.District != enterprise.RegisteredDistrict)
                {
                    transferred += line.Amount;
                }

                if (transferred > cap.Amount || line.CapRemainingAfter < 0m || line.CapRemainingAfter is null)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static IEnumerable<string> Print(IEnumerable<AllocationLine> lines) => lines.Select(l => l.ToString());
}
