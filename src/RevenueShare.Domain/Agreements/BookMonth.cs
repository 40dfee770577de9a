using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// One month of an enterprise's book: the current revision of each figure of the month and the current
/// allocation line of each figure and party. Small (at most one figure per indicator), so it is copied
/// whole when the month changes. Figures and lines are kept as bytes (<see cref="BookMonthFigures"/>,
/// <see cref="BookLines"/>): every month of every book stays in memory while its agreement is live.
/// </summary>
public sealed class BookMonth
{
    private readonly CreditCode enterprise;
    private readonly BookMonthFigures figures;
    private readonly BookLines lines;

    /// <param name="figures">The month's current figures; each is <paramref name="enterprise"/>'s, of <paramref name="month"/>.</param>
    /// <param name="reports">The agreement's reports, holding each figure's: the month names them by their rows.</param>
    /// <param name="lines">The month's lines; each is <paramref name="enterprise"/>'s, of <paramref name="month"/>.</param>
    /// <param name="neighbour">A month of the same book, whose tables of indicators and districts the figures and lines may share.</param>
    /// <param name="beside">Another such month, whose tables serve when <paramref name="neighbour"/>'s lack an indicator or district.</param>
    public BookMonth(CreditCode enterprise, YearMonth month, IReadOnlyCollection<FigureReport> figures, ReportIndex reports, IReadOnlyCollection<AllocationLine> lines, BookMonth? neighbour = null, BookMonth? beside = null)
    {
        foreach (var figure in figures)
        {
            if (figure.Enterprise != enterprise || figure.Month != month)
            {
                throw new ArgumentException($"A figure of {figure.Enterprise} {Months.Format(figure.Month)} in the book month of {enterprise} {Months.Format(month)}.", nameof(figures));
            }
        }

        foreach (var line in lines)
        {
            if (line.Enterprise != enterprise || line.Month != month)
            {
                throw new ArgumentException($"A line of {line.Enterprise} {Months.Format(line.Month)} in the book month of {enterprise} {Months.Format(month)}.", nameof(lines));
            }
        }

        this.enterprise = enterprise;
        Month = month;
        this.figures = BookMonthFigures.Of(figures, reports, neighbour?.figures, beside?.figures);
        this.lines = BookLines.Of(lines, neighbour?.lines, beside?.lines);
    }

    public YearMonth Month { get; }

    /// <summary>The month's current figures, unpacked (new objects each time, so read them once).</summary>
    public ImmutableArray<FigureReport> Figures => figures.Unpack(enterprise, Month);

    /// <summary>How many figures the month holds, without unpacking them.</summary>
    public int FigureCount => figures.Count;

    /// <summary>The month's lines, unpacked (new line objects each time, so read them once).</summary>
    public ImmutableArray<AllocationLine> Lines => lines.Unpack(enterprise, Month);

    /// <summary>The current figure of <paramref name="indicator"/>, null when the month has none.</summary>
    public FigureReport? Current(Indicator indicator) => figures.Find(indicator, enterprise, Month);

    /// <summary>Adds the month's figures to <paramref name="into"/> as the allocation engine takes them, without making reportIds.</summary>
    internal void AddFiguresTo(List<Figure> into) => figures.AddTo(into, enterprise, Month);

    /// <summary>The sum of the amounts of the lines <paramref name="counts"/> takes, without making line objects (<see cref="BookLines.Sum"/>).</summary>
    internal decimal SumOfLines(Func<Indicator, DistrictCode, bool, bool> counts) => lines.Sum(counts);
}
