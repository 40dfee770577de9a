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
/// </summary>
public sealed record EnterpriseBook(
    ImmutableDictionary<(string Indicator, YearMonth Month), FigureReport> Figures,
    ImmutableDictionary<(string Indicator, YearMonth Month, string District), AllocationLine> Lines)
{
    public static EnterpriseBook Empty { get; } = new(
        ImmutableDictionary<(string, YearMonth), FigureReport>.Empty,
        ImmutableDictionary<(string, YearMonth, string), AllocationLine>.Empty);

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
    /// The covered figures from <paramref name="from"/> on of the book with <paramref name="reported"/>
    /// booked on top (each replacing the figure of its indicator and month), without building that book.
    /// </summary>
    public IEnumerable<Figure> CoveredFiguresWith(
        IReadOnlyDictionary<(string Indicator, YearMonth Month), FigureReport> reported,
        AgreementRules rules,
        YearMonth from)
    {
        var kept = Figures.Where(f => f.Key.Month >= from && !reported.ContainsKey(f.Key)).Select(f => f.Value);
        return kept.Concat(reported.Values)
            .Select(r => new Figure(r.Enterprise, r.Indicator, r.Month, r.Amount))
            .Where(f => rules.TermFor(f.Indicator, f.Month) is not null);
    }

    /// <summary>What the book's figures and lines before <paramref name="from"/> carry into it (<see cref="AllocationCarry.Into"/>).</summary>
    public AllocationCarry CarryInto(YearMonth from, AgreementRules rules, CoveredEnterprise enterprise) =>
        AllocationCarry.Into(
            from,
            enterprise,
            Figures.Values
                .Where(r => r.Month < from && rules.TermFor(r.Indicator, r.Month) is not null)
                .Select(r => new Figure(r.Enterprise, r.Indicator, r.Month, r.Amount)),
            Lines.Values.Where(l => l.Month < from));

    /// <summary>
    /// The current lines with each figure's parties in <paramref name="rules"/>' order. The dictionary's
    /// own order is a hash order that can change from one process to the next, and a line reversed by an
    /// amendment has no new line to take its party order from, so the order is given here.
    /// </summary>
    public IEnumerable<AllocationLine> LinesInPartyOrder(AgreementRules rules) => LinesInPartyOrder(rules, null);

    /// <summary><see cref="LinesInPartyOrder(AgreementRules)"/> of the months from <paramref name="from"/> on.</summary>
    public IEnumerable<AllocationLine> LinesInPartyOrder(AgreementRules rules, YearMonth? from)
    {
        var order = new Dictionary<string, int>(rules.Parties.Length, StringComparer.Ordinal);
        for (var k = 0; k < rules.Parties.Length; k++)
        {
            order.TryAdd(rules.Parties[k].District, k);
        }

        var lines = from is { } first ? Lines.Values.Where(l => l.Month >= first) : Lines.Values;
        return lines.OrderBy(l => order.GetValueOrDefault(l.District, -1));
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
