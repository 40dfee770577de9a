using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Domain.Settlement;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Domain.Tests.Reports;

/// <summary>
/// The reports' invariants over any totals: allocation totals of every indicator between four
/// districts, double-count credits among them, refunds possible; where figures are needed, the figure
/// totals the allocation was made from (each figure allocated in full, docs/allocation.md).
/// </summary>
public sealed class ReportProperties
{
    private static readonly ReferenceData Reference = Catalogue.Guangzhou;
    private static readonly DistrictCode[] Codes = Districts.All("440103", "440106", "440112", "440113");
    private static readonly NodaTime.YearMonth March = Months.Parse("2026-03");

    private static readonly Arbitrary<AllocationTotal[]> Parts = Arb.From(Gen.ArrayOf(
        from indicator in Gen.Elements(Reference.Indicators.Select(i => i.Code).ToArray())
        from district in Gen.Elements(Codes)
        from registered in Gen.Elements(Codes)
        from doubleCount in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from units in Gen.Choose(-100_000, 10_000_000)
        select new AllocationTotal(indicator, district, registered, doubleCount, units)));

    [Property]
    public Property Settlement_positions_sum_to_zero_and_are_the_same_under_gross_and_netted_views() =>
        Prop.ForAll(Parts, parts =>
        {
            var settlement = YearEndSettlement.Of(2026, Reference.Indicators, parts);
            var netted = SettlementNetting.Positions(settlement.Transfers);
            return settlement.Positions.Sum(p => p.Net) == 0m
                && settlement.Positions.All(p => p.Net == (netted.SingleOrDefault(n => n.District == p.District)?.Net ?? 0m));
        });

    [Property]
    public Property A_settlement_position_is_what_the_district_received_less_what_it_paid_of_the_year_s_tax_parts() =>
        Prop.ForAll(Parts, parts =>
        {
            var settlement = YearEndSettlement.Of(2026, Reference.Indicators, parts);
            var moving = parts.Where(p => !p.DoubleCount && Reference.Indicator(p.Indicator).Family == IndicatorFamily.Tax).ToArray();
            return Codes.All(d =>
                (settlement.Positions.SingleOrDefault(p => p.District == d)?.Net ?? 0m)
                == Yuan(moving.Where(p => p.District == d && p.Registered != d).Sum(p => p.Units) - moving.Where(p => p.Registered == d && p.District != d).Sum(p => p.Units)));
        });

    [Property]
    public Property A_district_sees_only_rows_it_pays_or_receives_and_its_position_as_settled_for_the_city() =>
        Prop.ForAll(Parts, parts =>
        {
            var city = YearEndSettlement.Of(2026, Reference.Indicators, parts);
            return Codes.All(d =>
            {
                var own = city.SeenBy(d);
                return own.Gross.All(g => g.From == d || g.To == d)
                    && own.Totals.SequenceEqual(city.Totals.Where(t => t.From == d || t.To == d))
                    && own.Transfers.SequenceEqual(city.Transfers.Where(t => t.From == d || t.To == d))
                    && own.Positions.SequenceEqual(city.Positions.Where(p => p.District == d));
            });
        });

    /// <summary>
    /// Net = registered − transferred out + received is, when every figure was allocated in full, what
    /// was allocated to the district; so the districts' nets together are what was registered: the
    /// agreements move figures between districts and create none.
    /// </summary>
    [Property]
    public Property A_statement_net_is_what_was_allocated_to_the_district_and_the_nets_sum_to_what_was_registered() =>
        Prop.ForAll(Parts, parts =>
        {
            var figures = FiguresOf(parts);
            var statements = Codes.Select(d => DistrictStatement.Of(d, March, March, Reference.Indicators, figures, parts)).ToArray();
            return Reference.Indicators.All(indicator =>
            {
                var lines = statements.Select(s => s.Indicators.Single(l => l.Indicator == indicator)).ToArray();
                return statements.All(s => s.Indicators.Single(l => l.Indicator == indicator).Net
                        == Amounts.FromUnits(parts.Where(p => p.Indicator == indicator.Code && !p.DoubleCount && p.District == s.District).Sum(p => p.Units), indicator.Scale))
                    && lines.Sum(l => l.Net) == lines.Sum(l => l.Registered)
                    && lines.All(l => l.Net == l.Registered - l.TransferredOut + l.Received);
            });
        });

    [Property]
    public Property A_reconciliation_of_figures_allocated_in_full_shows_no_difference_and_no_double_count_credit_in_any_total() =>
        Prop.ForAll(Parts, parts =>
        {
            var figures = FiguresOf(parts);
            var reconciliation = Reconciliation.Of(March, Reference.Indicators, [], figures, parts, [], new Dictionary<AgreementId, IReadOnlySet<(string, string)>>());
            var withoutCredits = Reconciliation.Of(March, Reference.Indicators, [], figures, [.. parts.Where(p => !p.DoubleCount)], [], new Dictionary<AgreementId, IReadOnlySet<(string, string)>>());
            return reconciliation.Indicators.Zip(withoutCredits.Indicators).All(pair =>
                pair.First.Difference == 0m
                && pair.First.Districts.Values.Sum() == pair.First.Allocated
                && pair.First.Reported == pair.Second.Reported
                && pair.First.Allocated == pair.Second.Allocated
                && pair.First.Districts.SequenceEqual(pair.Second.Districts));
        });

    /// <summary>The figure totals an allocation was made from: each registered district's figures are its parts without credits.</summary>
    private static FigureTotal[] FiguresOf(IEnumerable<AllocationTotal> parts) =>
        [.. parts.Where(p => !p.DoubleCount)
            .GroupBy(p => (p.Indicator, p.Registered))
            .Select(g => new FigureTotal(AgreementId.Parse("GZ-2026-0001"), g.Key.Indicator, g.Key.Registered, g.Sum(p => p.Units), 1))];

    private static decimal Yuan(long fen) => Amounts.FromUnits(fen, 2);
}
