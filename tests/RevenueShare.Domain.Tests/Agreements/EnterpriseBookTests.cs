using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Domain.Tests.Agreements;

public sealed class EnterpriseBookTests
{
    private static readonly CreditCode Enterprise = CreditCode.Parse("91440115MA5BLE2Y7A");
    private static readonly YearMonth January = new(2025, 1);
    private static readonly YearMonth March = new(2025, 3);

    private static FigureReport Report(string id, string indicator, YearMonth month, decimal amount, int revision = 1) =>
        new(id, Enterprise, Catalogue.Indicator(indicator), month, amount, revision);

    private static AllocationLine Line(string indicator, YearMonth month, DistrictCode district, decimal amount) =>
        new(Enterprise, Catalogue.Indicator(indicator), month, district, amount, 50m, 0m, amount * 2, null, null, false);

    /// <summary>A book with <paramref name="reports"/> booked, and the agreement's index holding them, as <see cref="AgreementState"/> books.</summary>
    private static (EnterpriseBook Book, ReportIndex Index) Booking(EnterpriseBook book, ReportIndex index, params FigureReport[] reports)
    {
        var next = index.SetItems(reports);
        return (book.With(next, reports, []), next);
    }

    private static EnterpriseBook Built() => Booking(EnterpriseBook.Empty, ReportIndex.Empty, Report("r1", "vat", January, 1.00m)).Book;

    [Fact]
    public void A_deferred_book_is_built_once_on_first_use_and_holds_what_was_built()
    {
        var built = Built();
        var calls = 0;
        var book = EnterpriseBook.Deferred(() =>
        {
            Interlocked.Increment(ref calls);
            return built;
        });

        Assert.Equal(0, calls);
        Parallel.For(0, 8, _ => Assert.Equal(built.Months, book.Months));
        Assert.Equal(1, calls);
        Assert.Equal(1, book.FigureCount);
        Assert.Equal(built.Figures.Single(), book.Current(Catalogue.Indicator("vat"), January));
    }

    [Fact]
    public void Months_are_kept_in_order_and_a_booking_copies_only_the_months_it_touches()
    {
        var first = Booking(EnterpriseBook.Empty, ReportIndex.Empty, Report("r3", "vat", March, 3.00m), Report("r1", "vat", January, 1.00m));
        var (book, index) = Booking(first.Book, first.Index, Report("r2", "cit", January, 2.00m));

        var (restated, _) = Booking(book, index, Report("r3b", "vat", March, 4.00m, revision: 2));

        Assert.Equal([January, March], restated.Months.Select(m => m.Month));
        Assert.Same(book.Months[0], restated.Months[0]);
        Assert.Equal(4.00m, restated.Current(Catalogue.Indicator("vat"), March)!.Amount);
        Assert.Equal(3, restated.FigureCount);
        Assert.Null(restated.Current(Catalogue.Indicator("cit"), March));
    }

    [Fact]
    public void A_book_of_every_revision_holds_the_highest_and_one_line_per_figure_and_district()
    {
        FigureReport[] figures = [Report("r1b", "vat", January, 2.00m, revision: 2), Report("r1", "vat", January, 1.00m)];
        var book = EnterpriseBook.Of(
            ReportIndex.From(figures),
            figures,
            [Line("vat", January, DistrictCode.Parse("440103"), 0.50m), Line("vat", January, DistrictCode.Parse("440115"), 0.50m), Line("vat", January, DistrictCode.Parse("440103"), 1.00m)]);

        Assert.Equal("r1b", book.Current(Catalogue.Indicator("vat"), January)!.ReportId);
        Assert.Equal(1, book.FigureCount);
        Assert.Equal([(DistrictCode.Parse("440103"), 1.00m), (DistrictCode.Parse("440115"), 0.50m)], book.Lines.Select(l => (l.District, l.Amount)));
    }
}
