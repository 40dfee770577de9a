namespace RevenueShare.Server.Presentation;

/// <summary>
/// The rows of a <see cref="Table"/> formatted when read, not before: a page shows one screen of a
/// long list, so only the rows on that screen are formatted; an export reads them all.
/// </summary>
public sealed class FormattedRows<T>(IReadOnlyList<T> items, Func<T, IReadOnlyList<string?>> format) : IReadOnlyList<IReadOnlyList<string?>>
{
    public int Count => items.Count;

    public IReadOnlyList<string?> this[int index] => format(items[index]);

    public IEnumerator<IReadOnlyList<string?>> GetEnumerator() => items.Select(format).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
