using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// One month of an enterprise's book: the current revision of each figure of the month and the current
/// allocation line of each figure and party. Small (at most one figure per indicator), so it is copied
/// whole when the month changes. The lines are kept as bytes (<see cref="BookLines"/>): every month of
/// every book stays in memory while its agreement is live, and the lines were two thirds of it.
/// </summary>
public sealed class BookMonth
{
    private readonly CreditCode enterprise;
    private readonly BookLines lines;

    /// <param name="lines">The month's lines; each is <paramref name="enterprise"/>'s, of <paramref name="month"/>.</param>
    /// <param name="neighbour">A month of the same book, whose tables of indicators and districts the lines may share.</param>
    public BookMonth(CreditCode enterprise, YearMonth month, ImmutableArray<FigureReport> figures, IReadOnlyCollection<AllocationLine> lines, BookMonth? neighbour = null)
    {
        foreach (var line in lines)
        {
            if (line.Enterprise != enterprise || line.Month != month)
            {
                throw new ArgumentException($"A line of {line.Enterprise} {Months.Format(line.Month)} in the book month of {enterprise} {Months.Format(month)}.", nameof(lines));
            }
        }

        this.enterprise = enterprise;
        Month = month;
        Figures = figures;
        this.lines = BookLines.Of(lines, neighbour?.lines);
    }

    public YearMonth Month { get; }

    public ImmutableArray<FigureReport> Figures { get; }

    /// <summary>The month's lines, unpacked (new line objects each time, so read them once).</summary>
    public ImmutableArray<AllocationLine> Lines => lines.Unpack(enterprise, Month);

    /// <summary>The sum of the amounts of the lines <paramref name="counts"/> takes, without making line objects (<see cref="BookLines.Sum"/>).</summary>
    internal decimal SumOfLines(Func<Indicator, DistrictCode, bool, bool> counts) => lines.Sum(counts);
}
