using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Tests.Reference;

public sealed class MonthsTests
{
    [Theory]
    [InlineData("2026-03", 2026, 3)]
    [InlineData("2025-12", 2025, 12)]
    [InlineData("2026-01", 2026, 1)]
    public void A_month_written_yyyy_mm_is_accepted(string text, int year, int month)
    {
        Assert.True(Months.TryParse(text, out var parsed, out var error), error);
        Assert.Equal(new YearMonth(year, month), parsed);
        Assert.Equal(text, Months.Format(parsed));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-3")]
    [InlineData("2026/03")]
    [InlineData("26-03-01")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_rejected(string? text)
    {
        Assert.False(Months.TryParse(text, out _, out var error));
        Assert.Contains("expected YYYY-MM", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-31T15:59:59Z", "2026-03", false)]
    [InlineData("2026-03-31T16:00:00Z", "2026-03", true)]
    public void A_month_ends_at_midnight_china_time(string now, string month, bool ended) =>
        Assert.Equal(ended, Months.HasEnded(Months.Parse(month), NodaTime.Text.InstantPattern.General.Parse(now).Value));
}
