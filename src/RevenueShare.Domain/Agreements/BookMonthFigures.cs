using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// The current figures of one <see cref="BookMonth"/>, kept as bytes for the reason
/// <see cref="BookLines"/> is: as <see cref="FigureReport"/> objects with their reportId strings they
/// were most of a live agreement's memory (about 180 bytes a figure; about 10 here). A figure is its
/// indicator (an index into a small table shared by the months of a book), its revision, its amount
/// (exact, as in <see cref="PackedWriter.Decimal"/>) and the row of its report in the agreement's
/// <see cref="ReportIndex"/>, which keeps the reportId once for the book and the index alike;
/// enterprise and month are the book's and the month's.
/// </summary>
internal sealed class BookMonthFigures
{
    private readonly byte[] bytes;
    private readonly ImmutableArray<Indicator> indicators;
    private readonly ReportIndex reports;

    private BookMonthFigures(byte[] bytes, int count, ImmutableArray<Indicator> indicators, ReportIndex reports)
    {
        this.bytes = bytes;
        Count = count;
        this.indicators = indicators;
        this.reports = reports;
    }

    public static BookMonthFigures Empty { get; } = new([], 0, [], ReportIndex.Empty);

    public int Count { get; }

    /// <summary><paramref name="figures"/> as bytes, each naming its report by its row in <paramref name="reports"/>, with the indicator table of <paramref name="like"/> or <paramref name="orLike"/> when one holds every indicator of them.</summary>
    public static BookMonthFigures Of(IReadOnlyCollection<FigureReport> figures, ReportIndex reports, BookMonthFigures? like, BookMonthFigures? orLike)
    {
        if (figures.Count == 0)
        {
            return Empty;
        }

        var indicators = SharedTable.Holding(like?.indicators, orLike?.indicators, figures, static f => f.Indicator);
        if (indicators.Length > byte.MaxValue)
        {
            throw new ArgumentException($"A month's figures name {indicators.Length} indicators; at most {byte.MaxValue}.", nameof(figures));
        }

        var writer = new PackedWriter(figures.Count * 16);
        foreach (var figure in figures)
        {
            var row = reports.RowOf(figure.ReportId);
            if (row < 0)
            {
                throw new ArgumentException($"The figure of report '{figure.ReportId}' is not a report of the agreement's index.", nameof(figures));
            }

            writer.Byte((byte)indicators.IndexOf(figure.Indicator));
            writer.Count(figure.Revision);
            writer.Decimal(figure.Amount);
            writer.Count(row);
        }

        return new BookMonthFigures(writer.ToArray(), figures.Count, indicators, reports);
    }

    /// <summary>The figures, of <paramref name="enterprise"/> in <paramref name="month"/>, in the order they were given.</summary>
    public ImmutableArray<FigureReport> Unpack(CreditCode enterprise, YearMonth month)
    {
        var result = ImmutableArray.CreateBuilder<FigureReport>(Count);
        var reader = new PackedReader(bytes);
        for (var k = 0; k < Count; k++)
        {
            var indicator = indicators[reader.Byte()];
            var revision = reader.Count();
            var amount = reader.Decimal();
            result.Add(new FigureReport(reports.ReportIdAt(reader.Count()), enterprise, indicator, month, amount, revision));
        }

        return result.MoveToImmutable();
    }

    /// <summary>The figure of <paramref name="indicator"/>, if the month has one; no other figure is unpacked.</summary>
    public FigureReport? Find(Indicator indicator, CreditCode enterprise, YearMonth month)
    {
        var reader = new PackedReader(bytes);
        for (var k = 0; k < Count; k++)
        {
            var found = indicators[reader.Byte()] == indicator;
            var revision = reader.Count();
            var amount = reader.Decimal();
            if (found)
            {
                return new FigureReport(reports.ReportIdAt(reader.Count()), enterprise, indicator, month, amount, revision);
            }

            reader.Count();
        }

        return null;
    }

    /// <summary>The figures as the allocation engine takes them (no reportIds made), in order.</summary>
    public void AddTo(List<Figure> into, CreditCode enterprise, YearMonth month)
    {
        var reader = new PackedReader(bytes);
        for (var k = 0; k < Count; k++)
        {
            var indicator = indicators[reader.Byte()];
            reader.Count();
            into.Add(new Figure(enterprise, indicator, month, reader.Decimal()));
            reader.Count();
        }
    }
}
