using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Tests.Allocation;

/// <summary>Sharing windows (docs/allocation.md, sharing windows): their span from the start month and the cap's state.</summary>
public sealed class SharingWindowTests
{
    private static readonly EffectivePeriod Effective = new(new YearMonth(2025, 1), new YearMonth(2029, 12));

    /// <summary>
    /// The worked example: 2 months + 2 from 2025-03, cap vat 1000.00 at 50/50 and vat 400.00 a month.
    /// U is 400.00 at the end of April, below the cap, so the window runs March to June. With March
    /// restated to 2000.00 the cap is reached in March, and it ends with April.
    /// </summary>
    [Fact]
    public void The_worked_example_extends_only_while_the_cap_is_not_reached()
    {
        var window = new SharingWindow(2, 2);
        var start = new YearMonth(2025, 3);

        Assert.Equal(new MonthRange(start, new YearMonth(2025, 6)), window.Span(start, Effective, month => false));
        Assert.Equal(new MonthRange(start, new YearMonth(2025, 4)), window.Span(start, Effective, month => true));
    }

    [Fact]
    public void The_cap_is_asked_about_the_last_month_of_the_window_only()
    {
        var asked = new List<YearMonth>();
        new SharingWindow(36, 24).Span(new YearMonth(2025, 4), Effective, month =>
        {
            asked.Add(month);
            return false;
        });

        Assert.Equal([new YearMonth(2028, 3)], asked);
    }

    [Fact]
    public void A_window_without_extension_never_asks_about_the_cap()
    {
        var span = new SharingWindow(12, 0).Span(new YearMonth(2025, 6), Effective, month => throw new InvalidOperationException("asked"));

        Assert.Equal(new MonthRange(new YearMonth(2025, 6), new YearMonth(2026, 5)), span);
    }

    /// <summary>Clipped to the effective period: an extension past its end, or a window already reaching it.</summary>
    [Fact]
    public void The_window_is_clipped_to_the_effective_period()
    {
        Assert.Equal(new MonthRange(new YearMonth(2027, 1), new YearMonth(2029, 12)), new SharingWindow(36, 24).Span(new YearMonth(2027, 1), Effective, month => false));
        Assert.Equal(new MonthRange(new YearMonth(2028, 1), new YearMonth(2029, 12)), new SharingWindow(36, 24).Span(new YearMonth(2028, 1), Effective, month => throw new InvalidOperationException("asked")));
    }

    [Fact]
    public void A_start_outside_the_effective_period_and_an_empty_window_are_programming_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SharingWindow(12, 0).Span(new YearMonth(2024, 12), Effective, month => false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SharingWindow(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SharingWindow(1, -1));
    }
}
