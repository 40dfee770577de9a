using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// One covered enterprise's part of an agreement's ledger: the current revision of each of its
/// figures, and the current allocation line of each figure and party, kept month by month in month
/// order. Enterprises are independent (baselines and caps are per enterprise), so a batch recomputes
/// only the enterprises it touches, and only from the earliest month it touches: the months before it
/// are read (for what they carry in), never copied.
/// <para>
/// A book read from a snapshot can be <see cref="Deferred"/>: its months are built the first time the
/// book is used. Recovering a large agreement would otherwise build every book (1,000 books, 1.2
/// million figures and lines) although a batch touches only a few enterprises.
/// </para>
/// </summary>
public sealed class EnterpriseBook
{
    private readonly ImmutableArray<BookMonth> months;
    private readonly int figureCount;
    private readonly Lazy<EnterpriseBook>? deferred;

    private EnterpriseBook(ImmutableArray<BookMonth> months, int figureCount)
    {
        this.months = months;
        this.figureCount = figureCount;
    }

    private EnterpriseBook(Lazy<EnterpriseBook> deferred) => this.deferred = deferred;

    public static EnterpriseBook Empty { get; } = new([], 0);

    /// <summary>The months with figures or lines, in month order.</summary>
    public ImmutableArray<BookMonth> Months => deferred is null ? months : deferred.Value.Months;

    /// <summary>How many figures are current (one per indicator and month).</summary>
    public int FigureCount => deferred is null ? figureCount : deferred.Value.FigureCount;

    /// <summary>The current revision of each figure, in month order.</summary>
    public IEnumerable<FigureReport> Figures => Months.SelectMany(m => m.Figures);

    /// <summary>The current line of each figure and party, in month order.</summary>
    public IEnumerable<AllocationLine> Lines => Months.SelectMany(m => m.Lines);

    public IEnumerable<Figure> CurrentFigures
    {
        get
        {
            var figures = new List<Figure>(FigureCount);
            foreach (var month in Months)
            {
                month.AddFiguresTo(figures);
            }

            return figures;
        }
    }

    /// <summary>
    /// A book holding <paramref name="figures"/> (of any revisions: the highest of each indicator and
    /// month is current; each a report of <paramref name="reports"/>) and <paramref name="lines"/> (one
    /// per indicator, month and party), e.g. from a snapshot.
    /// </summary>
    public static EnterpriseBook Of(ReportIndex reports, IEnumerable<FigureReport> figures, IEnumerable<AllocationLine> lines) =>
        Empty.Merge(reports, figures, lines);

    /// <summary>
    /// A book built by <paramref name="build"/> when it is first used (once, whichever thread asks
    /// first); <paramref name="build"/> must always return the same content.
    /// </summary>
    public static EnterpriseBook Deferred(Func<EnterpriseBook> build) =>
        new(new Lazy<EnterpriseBook>(build, LazyThreadSafetyMode.ExecutionAndPublication));

    /// <summary>The current figure of <paramref name="indicator"/> in <paramref name="month"/>, null when none is booked.</summary>
    public FigureReport? Current(Indicator indicator, YearMonth month)
    {
        var index = IndexOf(month);
        return index < 0 ? null : Months[index].Current(indicator);
    }

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
        IReadOnlyDictionary<(Indicator Indicator, YearMonth Month), FigureReport> reported,
        AgreementRules rules,
        YearMonth from)
    {
        var figures = new List<Figure>(reported.Count);
        for (var m = FirstFrom(from); m < Months.Length; m++)
        {
            Months[m].AddFiguresTo(figures);
        }

        figures.RemoveAll(f => reported.ContainsKey((f.Indicator, f.Month)));

        foreach (var report in reported.Values)
        {
            figures.Add(ToFigure(report));
        }

        figures.RemoveAll(f => rules.TermFor(f.Indicator, f.Month) is null);
        return figures;
    }

    /// <summary>What the book's figures and lines before <paramref name="from"/> carry into it (<see cref="AllocationCarry.Into"/>).</summary>
    public AllocationCarry CarryInto(YearMonth from, AgreementRules rules, CoveredEnterprise enterprise)
    {
        var earlier = Months[..FirstFrom(from)];
        // Without a cap no line transfers anything: the earlier months need not be read.
        var transferred = 0m;
        if (enterprise.Cap is not null)
        {
            bool Transfers(Indicator indicator, DistrictCode district, bool doubleCount) => AllocationCarry.Transfers(enterprise, indicator, district, doubleCount);
            foreach (var month in earlier)
            {
                transferred += month.SumOfLines(Transfers);
            }
        }

        var sameYear = new List<Figure>();
        foreach (var month in earlier)
        {
            if (month.Month.Year == from.Year)
            {
                month.AddFiguresTo(sameYear);
            }
        }

        sameYear.RemoveAll(f => rules.TermFor(f.Indicator, f.Month) is null);
        return AllocationCarry.Into(from, enterprise, sameYear, transferred);
    }

    /// <summary>
    /// The current lines with each figure's parties in <paramref name="rules"/>' order: a line reversed
    /// by an amendment has no new line to take its party order from, so the order is given here.
    /// </summary>
    public IEnumerable<AllocationLine> LinesInPartyOrder(AgreementRules rules) => LinesInPartyOrder(rules, null);

    /// <summary><see cref="LinesInPartyOrder(AgreementRules)"/> of the months from <paramref name="from"/> on.</summary>
    public IEnumerable<AllocationLine> LinesInPartyOrder(AgreementRules rules, YearMonth? from)
    {
        var order = new Dictionary<DistrictCode, int>(rules.Parties.Length);
        for (var k = 0; k < rules.Parties.Length; k++)
        {
            order.TryAdd(rules.Parties[k].District, k);
        }

        var first = from is { } month ? FirstFrom(month) : 0;
        return Months[first..].SelectMany(m => m.Lines).OrderBy(l => order.GetValueOrDefault(l.District, -1));
    }

    /// <summary>
    /// The book after <paramref name="reports"/> were booked and <paramref name="entries"/> changed its
    /// lines; <paramref name="index"/> is the agreement's index with <paramref name="reports"/> in it.
    /// </summary>
    public EnterpriseBook With(ReportIndex index, IEnumerable<FigureReport> reports, IEnumerable<BookedEntry> entries) =>
        Merge(index, reports, entries.Select(e => e.Change.Line));

    /// <summary>
    /// The book with <paramref name="reports"/> replacing the figures of their indicator and month (the
    /// higher revision wins; the later one of equal revisions) and <paramref name="lines"/> replacing the
    /// lines of their indicator, month and district. Only the months touched are copied; they name their
    /// figures' reports by their rows in <paramref name="index"/>.
    /// </summary>
    private EnterpriseBook Merge(ReportIndex index, IEnumerable<FigureReport> reports, IEnumerable<AllocationLine> lines)
    {
        var touched = new SortedDictionary<YearMonth, (List<FigureReport> Figures, List<AllocationLine> Lines)>();
        (List<FigureReport> Figures, List<AllocationLine> Lines) MonthOf(YearMonth month)
        {
            if (!touched.TryGetValue(month, out var slot))
            {
                var index = IndexOf(month);
                slot = index < 0 ? ([], []) : ([.. Months[index].Figures], [.. Months[index].Lines]);
                touched[month] = slot;
            }

            return slot;
        }

        var figureCount = FigureCount;
        foreach (var report in reports)
        {
            var figures = MonthOf(report.Month).Figures;
            var at = figures.FindIndex(f => f.Indicator == report.Indicator);
            if (at < 0)
            {
                figures.Add(report);
                figureCount++;
            }
            else if (report.Revision >= figures[at].Revision)
            {
                figures[at] = report;
            }
        }

        foreach (var line in lines)
        {
            var monthLines = MonthOf(line.Month).Lines;
            var at = monthLines.FindIndex(l => l.Indicator == line.Indicator && l.District == line.District);
            if (at < 0)
            {
                monthLines.Add(line);
            }
            else
            {
                monthLines[at] = line;
            }
        }

        if (touched.Count == 0)
        {
            return this;
        }

        var months = ImmutableArray.CreateBuilder<BookMonth>(Months.Length + touched.Count);
        var k = 0;
        foreach (var (month, slot) in touched)
        {
            while (k < Months.Length && Months[k].Month < month)
            {
                months.Add(Months[k++]);
            }

            BookMonth? replaced = null;
            if (k < Months.Length && Months[k].Month == month)
            {
                replaced = Months[k++];
            }

            // The month it replaces, or the one beside it, lends the figures and lines its tables when they fit.
            var enterprise = slot.Figures.Count > 0 ? slot.Figures[0].Enterprise : slot.Lines[0].Enterprise;
            var beside = months.Count > 0 ? months[^1] : k < Months.Length ? Months[k] : null;
            months.Add(new BookMonth(enterprise, month, slot.Figures, index, slot.Lines, replaced ?? beside, beside));
        }

        while (k < Months.Length)
        {
            months.Add(Months[k++]);
        }

        return new EnterpriseBook(months.ToImmutable(), figureCount);
    }

    /// <summary>The index of the first month at or after <paramref name="month"/> (the length when none is).</summary>
    private int FirstFrom(YearMonth month)
    {
        int low = 0, high = Months.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (Months[mid].Month < month)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private int IndexOf(YearMonth month)
    {
        var index = FirstFrom(month);
        return index < Months.Length && Months[index].Month == month ? index : -1;
    }

    private static Figure ToFigure(FigureReport report) => new(report.Enterprise, report.Indicator, report.Month, report.Amount);
}
