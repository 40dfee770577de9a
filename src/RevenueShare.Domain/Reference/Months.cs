using NodaTime;
using NodaTime.Text;

namespace RevenueShare.Domain.Reference;

/// <summary>Months (<c>YYYY-MM</c>) are NodaTime <see cref="YearMonth"/> values in the ISO calendar.</summary>
public static class Months
{
    private static readonly YearMonthPattern Pattern = YearMonthPattern.Iso;

    /// <summary>The time zone months are closed in: figures for a month arrive after it ends there.</summary>
    public static readonly DateTimeZone ChinaTime = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public static bool TryParse(string? text, out YearMonth month, out string error)
    {
        month = default;
        if (string.IsNullOrEmpty(text) || text.Length != 7)
        {
            error = $"'{text}' is not a month; expected YYYY-MM, e.g. \"2026-03\".";
            return false;
        }

        var result = Pattern.Parse(text);
        if (!result.Success)
        {
            error = $"'{text}' is not a month; expected YYYY-MM with a month from 01 to 12.";
            return false;
        }

        month = result.Value;
        error = string.Empty;
        return true;
    }

    public static YearMonth Parse(string text) =>
        TryParse(text, out var month, out var error) ? month : throw new FormatException(error);

    public static string Format(YearMonth month) => Pattern.Format(month);

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static int CountInclusive(YearMonth from, YearMonth to) =>
        checked(((to.Year - from.Year) * 12) + to.Month - from.Month + 1);

    /// <summary>The month that is current at <paramref name="now"/> in China time.</summary>
    public static YearMonth Current(Instant now)
    {
        var date = now.InZone(ChinaTime).Date;
        return new YearMonth(date.Year, date.Month);
    }

    /// <summary>Whether <paramref name="month"/> has ended in China time at <paramref name="now"/>.</summary>
    public static bool HasEnded(YearMonth month, Instant now) => month < Current(now);
}
