using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Terms;
using static RevenueShare.Domain.Tests.Support.Agreements;

namespace RevenueShare.Domain.Tests.Allocation;

public sealed class AllocationEngineTests
{
    [Theory]
    // docs/allocation.md, Worked examples, three parties: O, H (registered), T.
    [InlineData("1000.00", "2025-01 vat O 333.30 H 333.30 T 333.40")]
    [InlineData("10.00", "2025-01 vat O 3.33 H 3.33 T 3.34")]
    public void Three_parties_share_a_figure_by_the_largest_remainder(string amount, string expected)
    {
        var rules = Rules([O, H, T], [Covered()], Split("vat", Step("2025-01", (O, 33.33m), (H, 33.33m), (T, 33.34m))));

        var lines = AllocationEngine.Allocate(rules, [Figure("vat", "2025-01", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(expected, Render(lines));
    }

    [Fact]
    public void A_tied_cent_goes_to_the_party_listed_first()
    {
        var rules = Rules(Covered(), Split("vat", Step("2025-01", (O, 50m), (H, 50m))));

        var lines = AllocationEngine.Allocate(rules, [Figure("vat", "2025-01", 0.01m)]);

        Assert.Equal("2025-01 vat O 0.01 H 0.00", Render(lines));
    }

    [Fact]
    public void A_hundred_and_a_cent_at_fifty_fifty_gives_the_cent_to_the_first_party()
    {
        var rules = Rules(Covered(), Split("vat", Step("2025-01", (O, 50m), (H, 50m))));

        var lines = AllocationEngine.Allocate(rules, [Figure("vat", "2025-01", 100.01m)]);

        Assert.Equal("2025-01 vat O 50.01 H 50.00", Render(lines));
        Assert.All(lines, l => Assert.Equal((50m, 0.00m, 100.01m), (l.Ratio, l.BasePart, l.SharedPart)));
        Assert.All(lines, l => Assert.Null(l.CapRemainingBefore));
    }

    [Fact]
    public void A_cap_of_500_stops_the_transfer_once_reached()
    {
        var lines = AllocationEngine.Allocate(CappedRules(), CappedFigures(600.00m));

        Assert.Equal(
            "2025-01 vat O 360.00 H 240.00; 2025-02 vat O 140.00 H 260.00; 2025-03 vat O 0.00 H 100.00",
            Render(lines));
        Assert.Equal(
            ["500.00→140.00", "140.00→0.00", "0.00→0.00"],
            lines.Where(l => l.District == O).Select(l => $"{l.CapRemainingBefore}→{l.CapRemainingAfter}"));
    }

    [Fact]
    public void A_cap_of_500_with_january_restated_to_500_moves_the_cap_into_february()
    {
        var lines = AllocationEngine.Allocate(CappedRules(), CappedFigures(500.00m));

        Assert.Equal(
            "2025-01 vat O 300.00 H 200.00; 2025-02 vat O 200.00 H 200.00; 2025-03 vat O 0.00 H 100.00",
            Render(lines));
    }

    [Fact]
    public void An_annual_baseline_of_1000_shares_only_the_increment_above_it()
    {
        var rules = Rules(
            Covered(baselines: Baseline("cit", 1000.00m)),
            Split("cit", Step("2025-01", (O, 50m), (H, 50m))));

        var lines = AllocationEngine.Allocate(
            rules,
            [Figure("cit", "2025-01", 600.00m), Figure("cit", "2025-02", 600.00m), Figure("cit", "2025-03", -100.00m)]);

        Assert.Equal(
            "2025-01 cit O 0.00 H 600.00; 2025-02 cit O 100.00 H 500.00; 2025-03 cit O -50.00 H -50.00",
            Render(lines));
        Assert.Equal(
            ["600.00/0.00", "400.00/200.00", "0.00/-100.00"],
            lines.Where(l => l.District == O).Select(l => $"{l.BasePart}/{l.SharedPart}"));
    }

    [Fact]
    public void The_baseline_year_to_date_starts_again_in_january()
    {
        var rules = Rules(
            Covered(baselines: Baseline("cit", 1000.00m)),
            Split("cit", Step("2025-01", (O, 50m), (H, 50m))));

        var lines = AllocationEngine.Allocate(
            rules,
            [Figure("cit", "2026-01", 400.00m), Figure("cit", "2025-12", 400.00m), Figure("cit", "2025-11", 800.00m)]);

        Assert.Equal(
            "2025-11 cit O 0.00 H 800.00; 2025-12 cit O 100.00 H 300.00; 2026-01 cit O 0.00 H 400.00",
            Render(lines));
    }

    [Fact]
    public void Double_counting_credits_the_registered_district_the_figure_and_every_other_party_the_shareable_part()
    {
        var rules = Rules(
            Covered(cap: Cap("vat,industrial-output", 50.0m)),
            Term("industrial-output", AllocationMode.DoubleCount, Step("2025-01", (O, 40m), (H, 60m))));

        var lines = AllocationEngine.Allocate(rules, [Figure("industrial-output", "2025-01", 123.4m)]);

        Assert.Equal("2025-01 industrial-output O 123.4 H 123.4", Render(lines));
        Assert.Equal([true, false], lines.Select(l => l.DoubleCount));
        Assert.Equal([40m, 60m], lines.Select(l => l.Ratio));
        // Nothing moves, so the cap is left as it was.
        Assert.All(lines, l => Assert.Equal((50.00m, 50.00m), (l.CapRemainingBefore!.Value, l.CapRemainingAfter!.Value)));
    }

    [Fact]
    public void Double_counting_above_a_baseline_credits_the_other_parties_only_the_increment()
    {
        var rules = Rules(
            Covered(baselines: Baseline("industrial-output", 100.0m)),
            Term("industrial-output", AllocationMode.DoubleCount, Step("2025-01", (O, 40m), (H, 60m))));

        var lines = AllocationEngine.Allocate(
            rules,
            [Figure("industrial-output", "2025-01", 80.0m), Figure("industrial-output", "2025-02", 50.5m)]);

        Assert.Equal("2025-01 industrial-output O 0.0 H 80.0; 2025-02 industrial-output O 30.5 H 50.5", Render(lines));
    }

    [Fact]
    public void A_ratio_step_applies_from_its_month_on()
    {
        var rules = Rules(
            Covered(),
            Split("vat", Step("2025-01", (O, 50m), (H, 50m)), Step("2025-03", (O, 30m), (H, 70m))));

        var lines = AllocationEngine.Allocate(
            rules,
            [Figure("vat", "2025-02", 100.00m), Figure("vat", "2025-03", 100.00m), Figure("vat", "2025-04", 100.00m)]);

        Assert.Equal(
            "2025-02 vat O 50.00 H 50.00; 2025-03 vat O 30.00 H 70.00; 2025-04 vat O 30.00 H 70.00",
            Render(lines));
        Assert.Equal([50m, 30m, 30m], lines.Where(l => l.District == O).Select(l => l.Ratio));
    }

    [Fact]
    public void An_amendment_changes_the_terms_from_its_month_on_and_leaves_earlier_months_alone()
    {
        var rules = Rules(Covered(), Split("vat", Step("2025-01", (O, 50m), (H, 50m))))
            .Amend(Month("2025-04"), [Split("vat,cit", Step("2025-04", (O, 20m), (H, 80m)))]);

        var lines = AllocationEngine.Allocate(
            rules,
            [Figure("vat", "2025-03", 100.00m), Figure("vat", "2025-04", 100.00m), Figure("cit", "2025-04", 10.00m)]);

        Assert.Equal(
            "2025-03 vat O 50.00 H 50.00; 2025-04 vat O 20.00 H 80.00; 2025-04 cit O 2.00 H 8.00",
            Render(lines));
    }

    [Fact]
    public void A_figure_no_term_covers_is_refused()
    {
        var rules = Rules(Covered(), Split("vat", Step("2025-01", (O, 50m), (H, 50m))));

        Assert.Throws<ArgumentException>(() => AllocationEngine.Allocate(rules, [Figure("cit", "2025-01", 1.00m)]));
        Assert.Throws<ArgumentException>(() => AllocationEngine.Allocate(rules, [Figure("vat", "2024-12", 1.00m)]));
    }

    [Fact]
    public void A_figure_of_an_enterprise_the_agreement_does_not_cover_is_refused()
    {
        var rules = Rules(Covered(), Split("vat", Step("2025-01", (O, 50m), (H, 50m))));

        Assert.Throws<ArgumentException>(() => AllocationEngine.Allocate(rules, [Figure("vat", "2025-01", 1.00m, OtherEnterprise)]));
        Assert.Throws<ArgumentException>(() => AllocationEngine.AllocateEnterprise(rules, Covered(), [Figure("vat", "2025-01", 1.00m, OtherEnterprise)]));
    }

    [Fact]
    public void Two_figures_for_the_same_enterprise_indicator_and_month_are_refused()
    {
        var rules = Rules(Covered(), Split("vat", Step("2025-01", (O, 50m), (H, 50m))));

        Assert.Throws<ArgumentException>(() => AllocationEngine.Allocate(
            rules,
            [Figure("vat", "2025-01", 1.00m), Figure("vat", "2025-01", 2.00m)]));
    }

    [Fact]
    public void Statistics_are_split_in_units_of_a_tenth()
    {
        var rules = Rules(Covered(), Split("industrial-output", Step("2025-01", (O, 40m), (H, 60m))));

        var lines = AllocationEngine.Allocate(
            rules,
            [Figure("industrial-output", "2025-01", 12.3m), Figure("industrial-output", "2025-02", 0.1m)]);

        Assert.Equal("2025-01 industrial-output O 4.9 H 7.4; 2025-02 industrial-output O 0.0 H 0.1", Render(lines));
    }

    [Fact]
    public void A_negative_figure_is_split_like_a_positive_one()
    {
        var rules = Rules(Covered(), Split("vat", Step("2025-01", (O, 50m), (H, 50m))));

        var lines = AllocationEngine.Allocate(rules, [Figure("vat", "2025-01", -100.01m)]);

        Assert.Equal("2025-01 vat O -50.01 H -50.00", Render(lines));
    }

    [Fact]
    public void A_negative_figure_after_the_cap_was_reached_gives_back_room_under_it()
    {
        var lines = AllocationEngine.Allocate(
            CappedRules(),
            [Figure("vat", "2025-01", 1000.00m), Figure("vat", "2025-02", -100.00m), Figure("vat", "2025-03", 100.00m)]);

        Assert.Equal(
            "2025-01 vat O 500.00 H 500.00; 2025-02 vat O -60.00 H -40.00; 2025-03 vat O 60.00 H 40.00",
            Render(lines));
        Assert.Equal(
            ["500.00→0.00", "0.00→60.00", "60.00→0.00"],
            lines.Where(l => l.District == O).Select(l => $"{l.CapRemainingBefore}→{l.CapRemainingAfter}"));
    }

    [Fact]
    public void A_cap_over_two_indicators_counts_their_transfers_together_in_canonical_order()
    {
        var rules = Rules(
            Covered(cap: Cap("vat,cit", 100.00m)),
            Split("vat,cit", Step("2025-01", (O, 50m), (H, 50m))));

        var lines = AllocationEngine.Allocate(
            rules,
            [Figure("cit", "2025-01", 100.00m), Figure("vat", "2025-01", 150.00m), Figure("cit", "2025-02", 10.00m)]);

        Assert.Equal(
            "2025-01 vat O 75.00 H 75.00; 2025-01 cit O 25.00 H 75.00; 2025-02 cit O 0.00 H 10.00",
            Render(lines));
    }

    [Fact]
    public void A_capped_amount_is_split_among_the_other_parties_in_their_ratios()
    {
        var rules = Rules(
            [O, H, T],
            [Covered(cap: Cap("vat", 100.01m))],
            Split("vat", Step("2025-01", (O, 30m), (H, 40m), (T, 30m))));

        var lines = AllocationEngine.Allocate(rules, [Figure("vat", "2025-01", 1000.00m)]);

        Assert.Equal("2025-01 vat O 50.01 H 899.99 T 50.00", Render(lines));
    }

    [Fact]
    public void The_whole_agreement_is_in_canonical_order_month_indicator_enterprise()
    {
        var second = Covered(OtherEnterprise);
        var rules = Rules([O, H], [second, Covered()], Split("vat,cit", Step("2025-01", (O, 50m), (H, 50m))));

        var lines = AllocationEngine.Allocate(
            rules,
            [
                Figure("cit", "2025-02", 2.00m, OtherEnterprise),
                Figure("vat", "2025-02", 4.00m),
                Figure("cit", "2025-01", 6.00m),
                Figure("vat", "2025-01", 8.00m, OtherEnterprise),
                Figure("vat", "2025-01", 10.00m),
            ]);

        Assert.Equal(
            [
                ("2025-01", "vat", Enterprise), ("2025-01", "vat", OtherEnterprise), ("2025-01", "cit", Enterprise),
                ("2025-02", "vat", Enterprise), ("2025-02", "cit", OtherEnterprise),
            ],
            lines.Where(l => l.District == O).Select(l => (Domain.Reference.Months.Format(l.Month), l.Indicator.Code, l.Enterprise)));
        Assert.Equal([O, H, O, H], lines.Take(4).Select(l => l.District));
    }

    [Fact]
    public void One_enterprise_is_allocated_month_by_month_in_catalogue_order_of_indicators()
    {
        var rules = Rules(Covered(), Split("vat,cit,pit", Step("2025-01", (O, 50m), (H, 50m))));

        var lines = AllocationEngine.AllocateEnterprise(
            rules,
            Covered(),
            [Figure("pit", "2025-02", 2.00m), Figure("cit", "2025-01", 4.00m), Figure("pit", "2025-01", 6.00m), Figure("vat", "2025-02", 8.00m)]);

        Assert.Equal(
            "2025-01 cit O 2.00 H 2.00; 2025-01 pit O 3.00 H 3.00; 2025-02 vat O 4.00 H 4.00; 2025-02 pit O 1.00 H 1.00",
            Render(lines));
    }

    [Fact]
    public void The_registered_district_may_be_listed_first()
    {
        var rules = Rules([H, O], [Covered(cap: Cap("vat", 10.00m))], Split("vat", Step("2025-01", (H, 40m), (O, 60m))));

        var lines = AllocationEngine.Allocate(rules, [Figure("vat", "2025-01", 100.00m)]);

        Assert.Equal("2025-01 vat H 90.00 O 10.00", Render(lines));
    }

    internal static AgreementRules CappedRules() =>
        Rules(Covered(cap: Cap("vat", 500.00m)), Split("vat", Step("2025-01", (O, 60m), (H, 40m))));

    internal static Figure[] CappedFigures(decimal january) =>
        [Figure("vat", "2025-01", january), Figure("vat", "2025-02", 400.00m), Figure("vat", "2025-03", 100.00m)];
}
