using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// One covered enterprise's part of an agreement's ledger: the current revision of each of its
/// figures, and the current allocation line of each figure and party. Enterprises are independent
/// (baselines and caps are per enterprise), so a batch recomputes only the enterprises it touches.
/// <para>
/// A book read from a snapshot can be <see cref="Deferred"/>: its dictionaries are built the first
/// time either is asked for. Recovering a large agreement would otherwise build every book's
/// dictionaries (1,000 books, 1.2 million entries: most of the recovery time) although a batch
/// touches only a few enterprises. A book is immutable either way, and equal to another when both
/// hold the same dictionaries.
/// </para>
/// </summary>
public sealed record EnterpriseBook
{
    private readonly ImmutableDictionary<(string Indicator, YearMonth Month), FigureReport>? figures;
    private readonly ImmutableDictionary<(string Indicator, YearMonth Month, string District), AllocationLine>? lines;
    private readonly Lazy<EnterpriseBook>? deferred;

    public EnterpriseBook(
        ImmutableDictionary<(string Indicator, YearMonth Month), FigureReport> Figures,
        ImmutableDictionary<(string Indicator, YearMonth Month, string District), AllocationLine> Lines)
    {
        figures = Figures;
        lines = Lines;
    }

    private EnterpriseBook(Lazy<EnterpriseBook> deferred) => this.deferred = deferred;

    public static EnterpriseBook Empty { get; } = new(
        ImmutableDictionary<(string, YearMonth), FigureReport>.Empty,
        ImmutableDictionary<(string, YearMonth, string), AllocationLine>.Empty);

    /// <summary>The current revision of each figure, by indicator and month.</summary>
    public ImmutableDictionary<(string Indicator, YearMonth Month), FigureReport> Figures
    {
        get => figures ?? deferred!.Value.Figures;
        init => figures = value;
    }

    /// <summary>The current allocation line of each figure and party, by indicator, month and district.</summary>
    public ImmutableDictionary<(string Indicator, YearMonth Month, string District), AllocationLine> Lines
    {
        get => lines ?? deferred!.Value.Lines;
        init => lines = value;
    }

    /// <summary>
    /// A book built by <paramref name="build"/> when <see cref="Figures"/> or <see cref="Lines"/> is
    /// first read (once, whichever thread asks first); <paramref name="build"/> must return a book
    /// that is not itself deferred, and must always return the same content.
    /// </summary>
    public static EnterpriseBook Deferred(Func<EnterpriseBook> build) =>
        new(new Lazy<EnterpriseBook>(build, LazyThreadSafetyMode.ExecutionAndPublication));

    public void Deconstruct(
        out ImmutableDictionary<(string Indicator, YearMonth Month), FigureReport> Figures,
        out ImmutableDictionary<(string Indicator, YearMonth Month, string District), AllocationLine> Lines)
    {
        Figures = this.Figures;
        Lines = this.Lines;
    }

    public bool Equals(EnterpriseBook? other) =>
        other is not null && (ReferenceEquals(this, other) || (Figures == other.Figures && Lines == other.Lines));

    public override int GetHashCode() => HashCode.Combine(Figures, Lines);

    public IEnumerable<Figure> CurrentFigures =>
        Figures.Values.Select(r => new Figure(r.Enterprise, r.Indicator, r.Month, r.Amount));

    /// <summary>
    /// The current figures that <paramref name="rules"/> share: what the allocation engine is given. A
    /// figure booked before an amendment stopped sharing its indicator stays on record but is no longer
    /// allocated, so its earlier allocation is reversed rather than the engine refusing the whole book.
    /// </summary>
    public IEnumerable<Figure> CoveredFigures(AgreementRules rules) =>
        CurrentFigures.Where(f => rules.TermFor(f.Indicator, f.Month) is not null);

    /// <summary>
    /// <see cref="CoveredFigures"/> of the book with <paramref name="reported"/> booked on top (each
    /// replacing the figure of its indicator and month), without building that book.
    /// </summary>
    public IEnumerable<Figure> CoveredFiguresWith(IReadOnlyDictionary<(string Indicator, YearMonth Month), FigureReport> reported, AgreementRules rules)
    {
        var kept = Figures.Where(f => !reported.ContainsKey(f.Key)).Select(f => f.Value);
        return kept.Concat(reported.Values)
            .Select(r => new Figure(r.Enterprise, r.Indicator, r.Month, r.Amount))
            .Where(f => rules.TermFor(f.Indicator, f.Month) is not null);
    }

    /// <summary>
    /// The current lines with each figure's parties in <paramref name="rules"/>' order. The dictionary's
    /// own order is a hash order that can change from one process to the next, and a line reversed by an
    /// amendment has no new line to take its party order from, so the order is given here.
    /// </summary>
    public IEnumerable<AllocationLine> LinesInPartyOrder(AgreementRules rules)
    {
        var order = new Dictionary<string, int>(rules.Parties.Length, StringComparer.Ordinal);
        for (var k = 0; k < rules.Parties.Length; k++)
        {
            order.TryAdd(rules.Parties[k].District, k);
        }

        return Lines.Values.OrderBy(l => order.GetValueOrDefault(l.District, -1));
    }

    public EnterpriseBook With(IEnumerable<FigureReport> reports, IEnumerable<BookedEntry> entries)
    {
        var figures = Figures.ToBuilder();
        foreach (var report in reports)
        {
            figures[(report.Indicator, report.Month)] = report;
        }

        var lines = Lines.ToBuilder();
        foreach (var entry in entries)
        {
            var line = entry.Change.Line;
            lines[(line.Indicator, line.Month, line.District)] = line;
        }

        return new EnterpriseBook(figures.ToImmutable(), lines.ToImmutable());
    }
}
