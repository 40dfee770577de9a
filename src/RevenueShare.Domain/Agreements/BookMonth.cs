using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// One month of an enterprise's book: the current revision of each figure of the month and the current
/// allocation line of each figure and party. Small (at most one figure per indicator), so it is copied
/// whole when the month changes. The lines are kept packed (<see cref="BookLine"/>): every month of
/// every book stays in memory while its agreement is live, and the lines were two thirds of it.
/// </summary>
public sealed class BookMonth
{
    private readonly CreditCode enterprise;
    private readonly BookLine[] lines;

    /// <param name="lines">The month's lines; each is <paramref name="enterprise"/>'s, of <paramref name="month"/>.</param>
    public BookMonth(CreditCode enterprise, YearMonth month, ImmutableArray<FigureReport> figures, IReadOnlyCollection<AllocationLine> lines)
    {
        this.enterprise = enterprise;
        Month = month;
        Figures = figures;
        this.lines = new BookLine[lines.Count];
        var k = 0;
        foreach (var line in lines)
        {
            if (line.Enterprise != enterprise || line.Month != month)
            {
                throw new ArgumentException($"A line of {line.Enterprise} {Months.Format(line.Month)} in the book month of {enterprise} {Months.Format(month)}.", nameof(lines));
            }

            this.lines[k++] = BookLine.Of(line);
        }
    }

    public YearMonth Month { get; }

    public ImmutableArray<FigureReport> Figures { get; }

    /// <summary>The month's lines, unpacked (a new line object each, so read them once).</summary>
    public ImmutableArray<AllocationLine> Lines
    {
        get
        {
            var unpacked = ImmutableArray.CreateBuilder<AllocationLine>(lines.Length);
            foreach (var line in lines)
            {
                unpacked.Add(line.ToLine(enterprise, Month));
            }

            return unpacked.MoveToImmutable();
        }
    }

    /// <summary>The month's lines as kept, for sums over many months that need no line objects.</summary>
    internal ReadOnlySpan<BookLine> PackedLines => lines;
}
