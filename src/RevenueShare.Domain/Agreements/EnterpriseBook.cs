using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;

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
