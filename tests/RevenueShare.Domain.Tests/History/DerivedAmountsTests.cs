using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RevenueShare.Domain.History;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Domain.Tests.History;

/// <summary>Derived caps and baselines (docs/allocation.md, history and derived amounts), hand-worked and as properties.</summary>
public sealed class DerivedAmountsTests
{
    private static readonly Indicator Vat = Catalogue.Indicator("vat");
    private static readonly Indicator Cit = Catalogue.Indicator("cit");

    [Fact]
    public void The_window_is_the_whole_calendar_years_before_the_year_of_effect()
    {
        var window = DerivationWindow.Before(new YearMonth(2026, 7), 3);

        Assert.Equal(36, window.Months.Count());
        Assert.Equal(new YearMonth(2023, 1), window.Months.First());
        Assert.Equal(new YearMonth(2025, 12), window.Months.Last());
        Assert.Throws<ArgumentOutOfRangeException>(() => DerivationWindow.Before(new YearMonth(2026, 1), 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => DerivationWindow.Before(new YearMonth(2026, 1), 0));
    }

    /// <summary>The worked example: vat 100.00 and cit 50.00 in every month of 2023–2025 → 36 × 150.00.</summary>
    [Fact]
    public void A_three_year_cap_over_vat_and_cit_is_5400_00()
    {
        var window = DerivationWindow.Before(new YearMonth(2026, 1), 3);

        Assert.Equal(5400.00m, DerivedAmounts.Cap(window, [Vat, Cit], (indicator, _) => indicator == Vat ? 100.00m : 50.00m));
    }

    /// <summary>The worked example: cit 1000.00 a month in 2024 and 1000.01 in 2025 → (12000.00 + 12000.12) / 2.</summary>
    [Fact]
    public void A_two_year_baseline_is_the_annual_average_12000_06()
    {
        var window = DerivationWindow.Before(new YearMonth(2026, 1), 2);

        Assert.Equal(12000.06m, DerivedAmounts.Baseline(window, Cit, (_, month) => month.Year == 2024 ? 1000.00m : 1000.01m));
    }

    /// <summary>Truncation is toward zero on either sign: 0.05 over 2 years is 0.02 a year, −0.05 is −0.02.</summary>
    [Theory]
    [InlineData("0.05", "0.02")]
    [InlineData("-0.05", "-0.02")]
    [InlineData("-0.01", "0.00")]
    public void A_baseline_truncates_toward_zero(string firstMonth, string baseline)
    {
        var window = DerivationWindow.Before(new YearMonth(2026, 1), 2);
        var first = decimal.Parse(firstMonth, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(decimal.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture), DerivedAmounts.Baseline(window, Cit, (_, month) => month == new YearMonth(2024, 1) ? first : 0m));
    }

    [Fact]
    public void The_missing_months_are_listed_indicator_by_indicator_and_nothing_is_derived_without_them()
    {
        var window = DerivationWindow.Before(new YearMonth(2026, 1), 1);
        decimal? History(Indicator indicator, YearMonth month) =>
            (indicator == Vat && month == new YearMonth(2025, 3)) || (indicator == Cit && month.Month > 10) ? null : 1.00m;

        Assert.Equal(
            [(Vat, new YearMonth(2025, 3)), (Cit, new YearMonth(2025, 11)), (Cit, new YearMonth(2025, 12))],
            DerivedAmounts.Missing(window, [Vat, Cit], History));
        Assert.Throws<InvalidOperationException>(() => DerivedAmounts.Cap(window, [Vat, Cit], History));
        Assert.Throws<InvalidOperationException>(() => DerivedAmounts.Baseline(window, Cit, History));
    }

    /// <summary>History for every month of three years before 2026, in fen, either sign (refunds), for vat and cit.</summary>
    private static readonly Arbitrary<Dictionary<(string, YearMonth), decimal>> Histories = Arb.From(
        from amounts in Gen.ArrayOf(Gen.Choose(-1_000_000, 100_000_000).Select(fen => fen / 100m), 72)
        select DerivationWindow.Before(new YearMonth(2026, 1), 3).Months
            .SelectMany((month, m) => new[] { ((Vat.Code, month), amounts[m]), ((Cit.Code, month), amounts[36 + m]) })
            .ToDictionary(pair => pair.Item1, pair => pair.Item2));

    private static readonly Gen<int> YearsBack = Gen.Choose(1, DerivationWindow.MaxYears);

    [Property]
    public Property A_derived_cap_equals_a_direct_sum_of_the_history_of_its_years() =>
        Prop.ForAll(Histories, YearsBack.ToArbitrary(), (history, years) =>
        {
            var window = DerivationWindow.Before(new YearMonth(2026, 1), years);
            var direct = history.Where(h => h.Key.Item2.Year >= 2026 - years).Sum(h => h.Value);
            return DerivedAmounts.Cap(window, [Vat, Cit], (indicator, month) => history[(indicator.Code, month)]) == direct;
        });

    /// <summary>The baseline is the exact average truncated: N × baseline is the sum less under N units, toward zero.</summary>
    [Property]
    public Property A_derived_baseline_is_the_exact_annual_average_truncated_at_the_scale() =>
        Prop.ForAll(Histories, YearsBack.ToArbitrary(), (history, years) =>
        {
            var window = DerivationWindow.Before(new YearMonth(2026, 1), years);
            var sum = history.Where(h => h.Key.Item1 == Cit.Code && h.Key.Item2.Year >= 2026 - years).Sum(h => h.Value);
            var baseline = DerivedAmounts.Baseline(window, Cit, (indicator, month) => history[(indicator.Code, month)]);
            var shortfall = sum - (baseline * years);
            return Math.Sign(shortfall) * Math.Sign(sum) >= 0 && Math.Abs(shortfall) < years * 0.01m && baseline == decimal.Round(baseline, 2);
        });
}
