using System.Collections.Immutable;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// The small tables of indicators and districts that a book's packed months index into
/// (<see cref="BookLines"/>, <see cref="BookMonthFigures"/>). Months share one when they can: a table
/// is 72 bytes, as much as the figures of a month, and a month whose table is its own doubles its size.
/// </summary>
internal static class SharedTable
{
    /// <summary>
    /// The first of <paramref name="first"/> and <paramref name="second"/> that holds the
    /// <paramref name="key"/> of every one of <paramref name="items"/>; else the longer with the missing
    /// ones added, which the next month then shares.
    /// </summary>
    public static ImmutableArray<T> Holding<TItem, T>(ImmutableArray<T>? first, ImmutableArray<T>? second, IReadOnlyCollection<TItem> items, Func<TItem, T> key)
    {
        if (first is { } one && HoldsAll(one, items, key))
        {
            return one;
        }

        if (second is { } two && HoldsAll(two, items, key))
        {
            return two;
        }

        var table = (first?.Length ?? 0) >= (second?.Length ?? 0) ? first ?? [] : second ?? [];
        foreach (var item in items)
        {
            if (!table.Contains(key(item)))
            {
                table = table.Add(key(item));
            }
        }

        return table;
    }

    private static bool HoldsAll<TItem, T>(ImmutableArray<T> table, IReadOnlyCollection<TItem> items, Func<TItem, T> key)
    {
        foreach (var item in items)
        {
            if (!table.Contains(key(item)))
            {
                return false;
            }
        }

        return true;
    }
}
