using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Domain.Tests.Agreements;

/// <summary>A month's figures and an agreement's reports kept as bytes come back exactly as booked.</summary>
public sealed class BookMonthFiguresTests
{
    private static readonly CreditCode Enterprise = CreditCode.Parse("91440115MA5BLE2Y7A");
    private static readonly YearMonth March = new(2025, 3);

    /// <summary>Any UTF-16 string: ASCII, CJK, pairs of surrogates (4-byte characters) and lone surrogates.</summary>
    private static readonly Arbitrary<string> Ids = Arb.From(
        Gen.ArrayOf(Gen.Frequency(
            (6, Gen.Choose(0x20, 0x7E)),
            (2, Gen.Choose(0x4E00, 0x9FFF)),
            (1, Gen.Choose(0x80, 0x7FF)),
            (1, Gen.Choose(0xD800, 0xDFFF)),
            (1, Gen.Choose(0, 0xFFFF))))
        .Select(units => new string([.. units.Select(u => (char)u)])));

    [Property]
    public Property Every_reportId_and_amount_comes_back_from_the_month_and_the_index_exactly() =>
        Prop.ForAll(Ids, Arb.From(Gen.Choose(1, int.MaxValue)), Arb.From(Gen.Choose(int.MinValue, int.MaxValue).Select(n => new decimal(n, n, 0, n < 0, (byte)(Math.Abs(n % 29))))), (id, revision, amount) =>
        {
            var report = new FigureReport(id, Enterprise, Catalogue.Indicator("cit"), March, amount, revision);

            var index = ReportIndex.From([report]);
            var fromMonth = Assert.Single(new BookMonth(Enterprise, March, [report], index, []).Figures);
            var fromIndex = index[id];

            return fromMonth == report && fromIndex == report
                && decimal.GetBits(fromMonth.Amount).SequenceEqual(decimal.GetBits(amount))
                && decimal.GetBits(fromIndex.Amount).SequenceEqual(decimal.GetBits(amount));
        });

    [Fact]
    public void A_month_finds_the_figure_of_an_indicator_without_the_others_and_gives_the_engine_its_figures_in_order()
    {
        FigureReport Report(string id, string indicator, decimal amount, int revision) => new(id, Enterprise, Catalogue.Indicator(indicator), March, amount, revision);
        FigureReport[] figures = [Report("税-vat-03", "vat", 100.10m, 2), Report("cit\uD800", "cit", -0.00m, 1)];
        var month = new BookMonth(Enterprise, March, figures, ReportIndex.From([Report("earlier", "vat", 1.00m, 1), .. figures]), []);

        Assert.Equal(Report("cit\uD800", "cit", -0.00m, 1), month.Current(Catalogue.Indicator("cit")));
        Assert.Null(month.Current(Catalogue.Indicator("industrial-output")));
        Assert.Equal(2, month.FigureCount);
        Assert.Equal(["税-vat-03", "cit\uD800"], month.Figures.Select(f => f.ReportId));
        Assert.Equal("100.10", month.Figures[0].Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_figure_of_another_month_or_enterprise_is_refused()
    {
        var other = new FigureReport("r1", Enterprise, Catalogue.Indicator("vat"), March.PlusMonths(1), 1.00m, 1);

        Assert.Throws<ArgumentException>(() => new BookMonth(Enterprise, March, [other], ReportIndex.From([other]), []));
    }

    [Fact]
    public void A_figure_whose_report_the_agreement_s_index_lacks_is_refused()
    {
        var figure = new FigureReport("r1", Enterprise, Catalogue.Indicator("vat"), March, 1.00m, 1);
        var another = figure with { ReportId = "r2" };

        var refused = Assert.Throws<ArgumentException>(() => new BookMonth(Enterprise, March, [figure], ReportIndex.From([another]), []));
        Assert.Contains("'r1'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_reads_its_reportIds_from_the_index_it_was_built_with_though_later_indexes_grow()
    {
        var figure = new FigureReport("r1", Enterprise, Catalogue.Indicator("vat"), March, 1.00m, 1);
        var index = ReportIndex.From([figure]);
        var month = new BookMonth(Enterprise, March, [figure], index, []);

        var later = index.SetItems([figure with { ReportId = "r2", Revision = 2 }, figure with { ReportId = "r0", Month = March.PlusMonths(1) }]);

        Assert.Equal(3, later.Count);
        Assert.Equal(figure, Assert.Single(month.Figures));
        Assert.Equal(figure, month.Current(Catalogue.Indicator("vat")));
    }
}
