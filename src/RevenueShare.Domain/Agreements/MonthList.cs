using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>Months as a refusal lists them: runs of consecutive months as ranges, "2023-01..2023-03, 2024-07".</summary>
public static class MonthList
{
    public static string Format(IEnumerable<YearMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var runs = new List<(YearMonth From, YearMonth To)>();
        foreach (var month in months.Distinct().Order())
        {
            if (runs.Count > 0 && runs[^1].To.PlusMonths(1) == month)
            {
                runs[^1] = (runs[^1].From, month);
            }
            else
            {
                runs.Add((month, month));
            }
        }

        return string.Join(", ", runs.Select(r => r.From == r.To ? Months.Format(r.From) : $"{Months.Format(r.From)}..{Months.Format(r.To)}"));
    }
}
