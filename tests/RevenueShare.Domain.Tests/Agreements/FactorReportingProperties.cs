using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.AgreementHistory;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Agreements;

/// <summary>
/// Whatever order factor reports, their restatements and figures arrive in, the entries booked add up
/// to what allocating the current figures from scratch under the current factors gives: a restated
/// year of factors books exactly the difference, and a figure refused for want of factors books nothing.
/// O 天河 is the head office of a cit formula term (with a cap over cit, so months carry into each
/// other), H 黄埔 and T 番禺 are branches; vat is split by a schedule.
/// </summary>
public sealed class FactorReportingProperties
{
    /// <summary>2026-06-15 in Shanghai: every month up to 2026-05 has ended.</summary>
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 15, 2, 0);

    private static readonly YearMonth[] FigureMonths = [.. Enumerable.Range(0, 8).Select(i => new YearMonth(2025, 10).PlusMonths(i))];

    /// <summary>One step of the history: factors of a year (2024 or 2025), or a figure of a month.</summary>
    private sealed record Step(int? FactorYear, ApportionmentFactors[] Factors, YearMonth Month, string Indicator, decimal Amount);

    private static Gen<decimal> Money(int maxUnits) => Gen.Choose(0, maxUnits).Select(u => u / 100m);

    private static readonly Gen<ApportionmentFactors> PartyFactors =
        from zero in Gen.Elements(false, false, false, true)
        from revenue in Money(100_000)
        from payroll in Money(100_000)
        from assets in Money(100_000)
        select zero ? default : new ApportionmentFactors(revenue, payroll, assets);

    private static readonly Gen<Step> Steps = Gen.OneOf(
        from year in Gen.Elements(2024, 2025)
        from factors in Gen.ArrayOf(PartyFactors, 3)
        select new Step(year, factors, default, "cit", 0m),
        from month in Gen.Elements(FigureMonths)
        from indicator in Gen.Elements("cit", "cit", "vat")
        from amount in Gen.Choose(-50_000, 500_000).Select(u => u / 100m)
        select new Step(null, [], month, indicator, amount));

    private static readonly Arbitrary<(decimal HqPercent, decimal? Cap, Step[] Steps)> Histories = Arb.From(
        from hq in Gen.Elements(0m, 50m, 33.33m, 100m)
        from cap in Gen.Elements<decimal?>(null, 1_000.00m, 5_000.00m)
        from count in Gen.Choose(1, 20)
        from steps in Gen.ArrayOf(Steps, count)
        select (hq, cap, steps));

    [Property(MaxTest = 300)]
    public Property The_entries_booked_add_up_to_a_recomputation_under_the_current_factors() =>
        Prop.ForAll(Histories, h =>
        {
            var formula = new SharingTerm([Catalogue.Indicator("cit")], AllocationMode.Formula, [], new FormulaShares(O, h.HqPercent, new ApportionmentFactors(35m, 35m, 30m)));
            var vat = Split("vat", Step("2025-01", (O, 60m), (H, 20m), (T, 20m)));
            var enterprise = Covered(cap: h.Cap is { } c ? Cap("cit", c) : null);
            var state = InState("Running", Proposal([O, H, T], enterprise, formula, vat));
            var revisions = new Dictionary<object, int>();
            var booked = new List<BookedEntry>();
            var number = 0;
            foreach (var step in h.Steps)
            {
                IAgreementCommand command;
                if (step.FactorYear is { } year)
                {
                    var revision = revisions[year] = revisions.GetValueOrDefault(year) + 1;
                    command = new ReportFactors(state.Id, Principal.Tax, new FactorReport(
                        $"f{++number}", Enterprise, year, revision, [.. new[] { O, H, T }.Zip(step.Factors, (d, f) => new DistrictFactors(d, f)).OrderBy(f => f.District)]));
                }
                else
                {
                    var key = (step.Indicator, step.Month);
                    var current = revisions.GetValueOrDefault(key);
                    var report = new FigureReport($"r{++number}", Enterprise, Catalogue.Indicator(step.Indicator), step.Month, step.Amount, current + 1);
                    command = new BookFigures(state.Id, Principal.Tax, [report]);
                }

                var decision = AgreementDecider.Decide(state, command, Now);
                if (decision.Events.IsEmpty)
                {
                    // Refused only for want of factors: a figure of a year whose year before has none.
                    var refusal = decision.Rejection ?? decision.Outcomes.Single().Rejection;
                    if (refusal?.Code != RejectionCode.FactorsMissing)
                    {
                        return false;
                    }

                    continue;
                }

                if (step.FactorYear is null)
                {
                    revisions[(step.Indicator, step.Month)] = revisions.GetValueOrDefault((step.Indicator, step.Month)) + 1;
                }

                var @event = Assert.Single(decision.Events);
                booked.AddRange(@event switch
                {
                    FiguresBooked figures => figures.Entries,
                    FactorsReported factors => factors.Entries,
                    _ => [],
                });
                state = state.Apply(@event);
            }

            var sums = booked
                .GroupBy(e => (e.Change.Line.Indicator, e.Change.Line.Month, e.Change.Line.District))
                .ToDictionary(g => g.Key, g => g.Sum(e => e.Change.Amount));
            var book = state.Books.GetValueOrDefault(Enterprise, EnterpriseBook.Empty);
            var expected = AllocationEngine.AllocateEnterprise(state.Rules, state.Rules.Enterprises.Single(), book.CoveredFigures(state.Rules));
            // A line of 0.00 may never have been booked; any other sum must be a line's.
            var lines = expected.ToDictionary(l => (l.Indicator, l.Month, l.District), l => l.Amount);
            return lines.All(l => sums.GetValueOrDefault(l.Key) == l.Value) && sums.All(s => s.Value == 0m || lines.ContainsKey(s.Key));
        });
}
