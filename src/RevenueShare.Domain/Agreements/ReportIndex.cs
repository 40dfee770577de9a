using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using RevenueShare.Domain.Figures;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// Every report an agreement ever booked, by reportId (duplicates and reused ids are recognised
/// forever). Immutable from the outside, like the <see cref="ImmutableDictionary{TKey,TValue}"/> it
/// replaces, but cheap to build whole: a recovered agreement holds hundreds of thousands of reports,
/// and an immutable dictionary of that size took longer to build than everything else in recovery.
/// <para>
/// Inside: a plain <see cref="Dictionary{TKey,TValue}"/> built once and never written again (safe to
/// read from any thread), plus an immutable overlay of the reports added since. When the overlay grows
/// past a quarter of the base, <see cref="SetItems"/> folds both into a new base: each report is
/// copied a bounded number of times, so adding is O(1) amortised and a lookup is O(1) plus the
/// overlay's O(log n). An index shares its base with the index it was made from, which is never
/// changed.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "The domain calls it an index: the reportIds of an agreement, not a general-purpose dictionary.")]
public sealed class ReportIndex : IReadOnlyDictionary<string, FigureReport>
{
    private const int SmallestCompaction = 1024;

    private readonly Dictionary<string, FigureReport> @base;
    private readonly ImmutableDictionary<string, FigureReport> overlay;

    private ReportIndex(Dictionary<string, FigureReport> @base, ImmutableDictionary<string, FigureReport> overlay, int count)
    {
        this.@base = @base;
        this.overlay = overlay;
        Count = count;
    }

    public static ReportIndex Empty { get; } = new(
        new Dictionary<string, FigureReport>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, FigureReport>(StringComparer.Ordinal),
        0);

    public int Count { get; }

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<FigureReport> Values => this.Select(pair => pair.Value);

    public FigureReport this[string key] =>
        TryGetValue(key, out var report) ? report : throw new KeyNotFoundException($"No report '{key}' in the index.");

    /// <summary>An index of <paramref name="reports"/>; a later report replaces an earlier one of the same id.</summary>
    public static ReportIndex From(IEnumerable<FigureReport> reports)
    {
        var all = reports.TryGetNonEnumeratedCount(out var count)
            ? new Dictionary<string, FigureReport>(count, StringComparer.Ordinal)
            : new Dictionary<string, FigureReport>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            all[report.ReportId] = report;
        }

        return all.Count == 0 ? Empty : new ReportIndex(all, Empty.overlay, all.Count);
    }

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FigureReport value) =>
        overlay.TryGetValue(key, out value) || @base.TryGetValue(key, out value);

    /// <summary>This index with <paramref name="reports"/> added, each replacing any report of the same id.</summary>
    public ReportIndex SetItems(IEnumerable<FigureReport> reports)
    {
        var added = overlay.ToBuilder();
        var count = Count;
        foreach (var report in reports)
        {
            if (!added.ContainsKey(report.ReportId) && !@base.ContainsKey(report.ReportId))
            {
                count++;
            }

            added[report.ReportId] = report;
        }

        if (added.Count <= Math.Max(SmallestCompaction, @base.Count / 4))
        {
            return new ReportIndex(@base, added.ToImmutable(), count);
        }

        var merged = new Dictionary<string, FigureReport>(@base, StringComparer.Ordinal);
        merged.EnsureCapacity(count);
        foreach (var (reportId, report) in added)
        {
            merged[reportId] = report;
        }

        return new ReportIndex(merged, Empty.overlay, count);
    }

    /// <summary>Every report once, in no particular order (sort by reportId for a stable one).</summary>
    public IEnumerator<KeyValuePair<string, FigureReport>> GetEnumerator()
    {
        foreach (var pair in @base)
        {
            if (!overlay.ContainsKey(pair.Key))
            {
                yield return pair;
            }
        }

        foreach (var pair in overlay)
        {
            yield return pair;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
