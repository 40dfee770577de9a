using System.Collections;
using System.Diagnostics.CodeAnalysis;
using RevenueShare.Domain.Figures;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// Every report an agreement ever booked, by reportId (duplicates and reused ids are recognised
/// forever). Immutable from the outside: adding gives a new index and leaves this one as it was. Inside,
/// the first <see cref="Count"/> rows of a <see cref="ReportColumns"/>, which the indexes made one from
/// the other share; a report is unpacked into a <see cref="FigureReport"/> only when it is asked for,
/// so the objects an index answers are new each time (compare them by value).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "The domain calls it an index: the reportIds of an agreement, not a general-purpose dictionary.")]
public sealed class ReportIndex : IReadOnlyDictionary<string, FigureReport>
{
    private readonly ReportColumns columns;

    private ReportIndex(ReportColumns columns, int count)
    {
        this.columns = columns;
        Count = count;
    }

    public static ReportIndex Empty { get; } = new(new ReportColumns(), 0);

    public int Count { get; }

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<FigureReport> Values => this.Select(pair => pair.Value);

    public FigureReport this[string key] =>
        TryGetValue(key, out var report) ? report : throw new KeyNotFoundException($"No report '{key}' in the index.");

    /// <summary>An index of <paramref name="reports"/>; a later report replaces an earlier one of the same id.</summary>
    public static ReportIndex From(IEnumerable<FigureReport> reports) => Empty.SetItems(reports);

    public bool ContainsKey(string key) => columns.Find(key, Count) >= 0;

    /// <summary>
    /// The row of <paramref name="reportId"/> in this index, -1 when it holds no such report. The row is
    /// the report's for as long as this index lives (an index never changes: booking makes a new one),
    /// so a book that keeps the index can name a figure's report by its row instead of its reportId.
    /// </summary>
    internal int RowOf(string reportId) => columns.Find(reportId, Count);

    /// <summary>The reportId of the report in <paramref name="row"/>, one of this index's rows.</summary>
    internal string ReportIdAt(int row) =>
        (uint)row < (uint)Count ? columns.ReportIdAt(row) : throw new ArgumentOutOfRangeException(nameof(row), row, $"The index holds {Count} reports.");

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out FigureReport value)
    {
        var row = columns.Find(key, Count);
        value = row < 0 ? null : columns.At(row);
        return value is not null;
    }

    /// <summary>
    /// This index with <paramref name="reports"/> added, each replacing any report of the same id (the
    /// later of two in <paramref name="reports"/> wins). Appends in place when this index holds every row
    /// of its storage and no id is replaced, which is how an agreement books; else builds a new storage.
    /// </summary>
    public ReportIndex SetItems(IEnumerable<FigureReport> reports)
    {
        var added = new List<FigureReport>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var replaces = false;
        foreach (var report in reports)
        {
            if (positions.TryGetValue(report.ReportId, out var at))
            {
                added[at] = report;
            }
            else
            {
                positions[report.ReportId] = added.Count;
                added.Add(report);
                replaces |= ContainsKey(report.ReportId);
            }
        }

        if (added.Count == 0)
        {
            return this;
        }

        // The empty index's storage is everyone's: never appended to.
        if (!replaces && Count > 0 && columns.TryAppend(Count, added))
        {
            return new ReportIndex(columns, Count + added.Count);
        }

        var kept = replaces ? Rows().Where(r => !positions.ContainsKey(r.ReportId)).ToList() : [.. Rows()];
        var fresh = new ReportColumns();
        fresh.TryAppend(0, [.. kept, .. added]);
        return new ReportIndex(fresh, kept.Count + added.Count);
    }

    /// <summary>Every report once, in the order they were added.</summary>
    public IEnumerator<KeyValuePair<string, FigureReport>> GetEnumerator()
    {
        foreach (var report in Rows())
        {
            yield return new KeyValuePair<string, FigureReport>(report.ReportId, report);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<FigureReport> Rows()
    {
        for (var row = 0; row < Count; row++)
        {
            yield return columns.At(row);
        }
    }
}
