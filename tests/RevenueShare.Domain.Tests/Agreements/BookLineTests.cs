using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Domain.Tests.Agreements;

public sealed class BookLineTests
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
    public Property A_packed_amount_unpacks_to_the_same_bits_and_one_too_wide_does_not_pack() =>
        Prop.ForAll(Decimals, value =>
        {
            var bits = decimal.GetBits(value);
            var fits = bits[2] == 0 && unchecked((uint)bits[1]) < 1u << 25;
            var packed = BookLine.TryPack(value, out var word);
            return packed == fits && (!packed || decimal.GetBits(BookLine.Unpack(word)).SequenceEqual(bits));
        });

    [Fact]
    public void A_line_comes_back_from_its_month_as_it_was_booked_scale_sign_and_absent_caps_included()
    {
        var lines = new[]
        {
            new AllocationLine(Enterprise, Catalogue.Indicator("vat"), March, DistrictCode.Parse("440106"), 123_456.70m, 33.33m, 0.00m, 370_407.14m, 1_000.00m, -0.00m, false),
            new AllocationLine(Enterprise, Catalogue.Indicator("industrial-output"), March, DistrictCode.Parse("440115"), -0.1m, 100m, 0.0m, -0.1m, null, null, true),
        };

        var month = new BookMonth(Enterprise, March, [], lines);

        Assert.Equal(lines, month.Lines);
        Assert.Equal(lines.Select(l => decimal.GetBits(l.CapRemainingAfter ?? 0m)), month.Lines.Select(l => decimal.GetBits(l.CapRemainingAfter ?? 0m)));
        Assert.Equal(lines.Select(l => l.Amount.Scale), month.Lines.Select(l => l.Amount.Scale));
    }

    [Fact]
    public void A_line_with_an_amount_past_57_bits_is_kept_whole_and_comes_back_the_same()
    {
        var huge = 79_228_162_514_264_337_593_543_950_335m;
        var line = new AllocationLine(Enterprise, Catalogue.Indicator("vat"), March, DistrictCode.Parse("440106"), huge, 50m, 0m, huge, null, null, false);

        var month = new BookMonth(Enterprise, March, [], [line]);

        Assert.Same(line, Assert.Single(month.Lines));
    }

    [Fact]
    public void A_line_of_another_enterprise_or_month_is_refused_by_the_month()
    {
        var line = new AllocationLine(Enterprise, Catalogue.Indicator("vat"), March.PlusMonths(1), DistrictCode.Parse("440106"), 1m, 50m, 0m, 1m, null, null, false);

        Assert.Throws<ArgumentException>(() => new BookMonth(Enterprise, March, [], [line]));
    }
}
