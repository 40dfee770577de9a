using System.Globalization;
using NodaTime;
using NodaTime.Text;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Server.Presentation;

/// <summary>
/// Numbers and dates as the offices read them: amounts with thousands separators at their indicator's
/// scale (1,234,567.89; negatives -1,234.00), months as 2025年3月, instants in China time
/// (2025-04-02 11:04:05). Exact: an amount is formatted from its decimal, never through a double.
/// </summary>
public static class Display
{
    private static readonly InstantPattern Stored = InstantPattern.ExtendedIso;

    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss");

    public static string Amount(decimal amount, int scale) =>
        amount.ToString("N" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Amount(decimal amount, Indicator indicator) => Amount(amount, indicator.Scale);

    public static string Month(YearMonth month) =>
        string.Create(CultureInfo.InvariantCulture, $"{month.Year}年{month.Month}月");

    /// <summary>A stored instant (ISO, UTC) in China time; text that is not one is shown as it is.</summary>
    public static string Instant(string stored)
    {
        var parsed = Stored.Parse(stored);
        return parsed.Success ? Instant(parsed.Value) : stored;
    }

    /// <summary>An instant in China time, as <see cref="Instant(string)"/> shows a stored one.</summary>
    public static string Instant(NodaTime.Instant instant) => Local.Format(instant.InZone(Months.ChinaTime).LocalDateTime);

    /// <summary>The date of an instant in China time, as a document is dated: 2026年4月2日.</summary>
    public static string Date(Instant instant) =>
        instant.InZone(Months.ChinaTime).Date.ToString("uuuu'年'M'月'd'日'", CultureInfo.InvariantCulture);

    /// <summary>A percent without trailing zeros, with its sign: 62.5%.</summary>
    public static string Percent(decimal percent) => Amounts.FormatPercent(percent) + "%";

    /// <summary>The column header of an amount: 金额（元）, 产值（万元）.</summary>
    public static string AmountHeader(string label, Indicator indicator) => $"{label}（{Words.Unit(indicator)}）";
}
