using System.Collections.Immutable;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Tests.Agreements;

public sealed class EnterpriseBookTests
{
    private static readonly FigureReport Report = new("r1", CreditCode.Parse("91440115MA5BLE2Y7A"), "vat", new YearMonth(2025, 1), 1.00m, 1);

    private static EnterpriseBook Built() => EnterpriseBook.Empty.With([Report], []);

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
        Parallel.For(0, 8, _ => Assert.Same(built.Figures, book.Figures));
        Assert.Same(built.Lines, book.Lines);
        Assert.Equal(1, calls);
        Assert.Equal(built, book);
        Assert.Equal(built.GetHashCode(), book.GetHashCode());
    }

    [Fact]
    public void Replacing_one_dictionary_of_a_deferred_book_keeps_the_other()
    {
        var built = Built();
        var book = EnterpriseBook.Deferred(() => built) with { Figures = ImmutableDictionary<(string, YearMonth), FigureReport>.Empty };

        Assert.Empty(book.Figures);
        Assert.Same(built.Lines, book.Lines);
        var (figures, lines) = book;
        Assert.Empty(figures);
        Assert.Same(built.Lines, lines);
        Assert.NotEqual(built, book);
    }
}
