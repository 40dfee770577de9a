using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Domain.Tests.Agreements;

public sealed class BookLinesTests
{
    private static readonly CreditCode Enterprise = CreditCode.Parse("91440115MA5BLE2Y7A");
    private static readonly YearMonth March = new(2025, 3);

    /// <summary>Any decimal: every mantissa width up to 96 bits, every scale, either sign, zeros of every scale and sign included.</summary>
    private static readonly Arbitrary<decimal> Decimals = Arb.From(
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        from mid in Gen.Frequency((3, Gen.Choose(0, 1 << 20)), (1, Gen.Choose(int.MinValue, int.MaxValue)), (1, Gen.Constant(0)))
        from hi in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(int.MinValue, int.MaxValue)))
        from negative in Gen.Elements(false, true)
        from scale in Gen.Choose(0, 28)
        from zero in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select zero ? new decimal(0, 0, 0, negative, (byte)scale) : new decimal(lo, mid, hi, negative, (byte)scale));

    [Property]
    public Property Every_amount_of_a_line_comes_back_from_its_month_with_the_same_bits() =>
        Prop.ForAll(Decimals, Decimals, Decimals, (amount, ratio, cap) =>
        {
            var line = new AllocationLine(Enterprise, Catalogue.Indicator("vat"), March, DistrictCode.Parse("440106"), amount, ratio, cap, amount, cap, ratio, false);
            var back = Assert.Single(new BookMonth(Enterprise, March, [], ReportIndex.Empty, [line]).Lines);
            return new[] { back.Amount, back.Ratio, back.BasePart, back.SharedPart, back.CapRemainingBefore!.Value, back.CapRemainingAfter!.Value }
                .Zip(new[] { amount, ratio, cap, amount, cap, ratio })
                .All(pair => decimal.GetBits(pair.First).SequenceEqual(decimal.GetBits(pair.Second)));
        });

    [Fact]
    public void A_line_comes_back_from_its_month_as_it_was_booked_scale_sign_and_absent_caps_included()
    {
        var lines = new[]
        {
            new AllocationLine(Enterprise, Catalogue.Indicator("vat"), March, DistrictCode.Parse("440106"), 123_456.70m, 33.33m, 0.00m, 370_407.14m, 1_000.00m, -0.00m, false),
            new AllocationLine(Enterprise, Catalogue.Indicator("industrial-output"), March, DistrictCode.Parse("440115"), -0.1m, 100m, 0.0m, -0.1m, null, null, true),
        };

        var month = new BookMonth(Enterprise, March, [], ReportIndex.Empty, lines);

        Assert.Equal(lines, month.Lines);
        Assert.Equal(lines.Select(l => decimal.GetBits(l.CapRemainingAfter ?? 0m)), month.Lines.Select(l => decimal.GetBits(l.CapRemainingAfter ?? 0m)));
        Assert.Equal(lines.Select(l => l.Amount.Scale), month.Lines.Select(l => l.Amount.Scale));
    }

    [Fact]
    public void A_book_s_months_keep_every_line_of_each_month_through_later_bookings()
    {
        var firm = Enterprise;
        AllocationLine Line(string indicator, YearMonth month, string district, decimal amount) =>
            new(firm, Catalogue.Indicator(indicator), month, DistrictCode.Parse(district), amount, 50m, 0m, amount * 2, null, null, false);

        BookedEntry Entry(AllocationLine line) => new(new AllocationChange(line, line.Amount, AllocationChangeKind.Allocation), "r1");

        var book = EnterpriseBook.Of(ReportIndex.Empty, [], [Line("vat", March, "440106", 2.00m), Line("vat", March, "440115", 1.00m)])
            .With(ReportIndex.Empty, [], [Entry(Line("cit", March.PlusMonths(1), "440103", 4.00m)), Entry(Line("vat", March, "440115", 3.00m))]);

        Assert.Equal(
            ["2025-03 vat 440106 2.00", "2025-03 vat 440115 3.00", "2025-04 cit 440103 4.00"],
            book.Lines.Select(l => $"{Months.Format(l.Month)} {l.Indicator} {l.District} {l.Amount}"));
    }

    [Fact]
    public void A_line_of_another_enterprise_or_month_is_refused_by_the_month()
    {
        var line = new AllocationLine(Enterprise, Catalogue.Indicator("vat"), March.PlusMonths(1), DistrictCode.Parse("440106"), 1m, 50m, 0m, 1m, null, null, false);

        Assert.Throws<ArgumentException>(() => new BookMonth(Enterprise, March, [], ReportIndex.Empty, [line]));
    }
}
