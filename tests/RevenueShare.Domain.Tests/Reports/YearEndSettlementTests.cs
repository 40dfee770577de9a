using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Domain.Settlement;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.Districts;

namespace RevenueShare.Domain.Tests.Reports;

/// <summary>
/// A hand-worked year between three districts: P (荔湾 440103), Q (天河 440106), R (黄埔 440112).
/// The registered district collected the tax and owes each part allocated elsewhere: vat P→Q 100.00,
/// Q→R 100.00, R→P 30.00; cit P→Q 50.00, Q→P 20.00. Totals per pair P→Q 150.00, Q→P 20.00, Q→R 100.00,
/// R→P 30.00; positions P −150 + 20 + 30 = −100.00 (上解), Q +150 − 20 − 100 = +30.00 (补助),
/// R +100 − 30 = +70.00 (补助), summing to zero; greedy netting: P pays R 70.00, then Q 30.00 — two
/// transfers for four gross totals.
/// </summary>
public sealed class YearEndSettlementTests
{
    private const string P = "440103";
    private const string Q = "440106";
    private const string R = "440112";
    private static readonly ReferenceData Reference = Catalogue.Guangzhou;

    private static readonly AllocationTotal[] Year =
    [
        new("vat", D(Q), D(P), false, 10000),
        new("vat", D(R), D(Q), false, 10000),
        new("vat", D(P), D(R), false, 3000),
        new("cit", D(Q), D(P), false, 5000),
        new("cit", D(P), D(Q), false, 2000),

        // What each district keeps of its own enterprises moves nothing.
        new("vat", D(P), D(P), false, 99999),

        // Nor does a double-count credit, nor a statistical share.
        new("vat", D(R), D(P), true, 7777),
        new("industrial-output", D(R), D(P), false, 1234),

        // A part and its refund in the year cancel out: 440111 owes 440113 nothing.
        new("pit", D("440113"), D("440111"), false, 500),
        new("pit", D("440113"), D("440111"), false, -500),
    ];

    private static YearEndSettlement City { get; } = YearEndSettlement.Of(2026, Reference.Indicators, Year);

    [Theory]
    // Finance sees the whole city.
    [InlineData(null,
        "vat 440103→440106 100.00|vat 440106→440112 100.00|vat 440112→440103 30.00|cit 440103→440106 50.00|cit 440106→440103 20.00",
        "440103→440106 150.00|440106→440103 20.00|440106→440112 100.00|440112→440103 30.00",
        "440103 -100.00 上解|440106 30.00 补助|440112 70.00 补助",
        "440103→440112 70.00|440103→440106 30.00")]
    // A district sees what it pays or receives and its own position, as settled for the whole city.
    [InlineData(R,
        "vat 440106→440112 100.00|vat 440112→440103 30.00",
        "440106→440112 100.00|440112→440103 30.00",
        "440112 70.00 补助",
        "440103→440112 70.00")]
    [InlineData(Q,
        "vat 440103→440106 100.00|vat 440106→440112 100.00|cit 440103→440106 50.00|cit 440106→440103 20.00",
        "440103→440106 150.00|440106→440103 20.00|440106→440112 100.00",
        "440106 30.00 补助",
        "440103→440106 30.00")]
    [InlineData("440111", "", "", "", "")]
    public void Gross_obligations_net_to_fewer_transfers_and_a_district_sees_its_own_rows(
        string? district, string gross, string totals, string positions, string transfers)
    {
        var settlement = district is null ? City : City.SeenBy(D(district));

        Assert.Equal(
            (gross, totals, positions, transfers),
            (string.Join("|", settlement.Gross.Select(g => $"{g.Indicator.Code} {g.From}→{g.To} {Amounts.Format(g.Amount, g.Indicator.Scale)}")),
                string.Join("|", settlement.Totals.Select(t => $"{t.From}→{t.To} {Amounts.Format(t.Amount, settlement.Scale)}")),
                string.Join("|", settlement.Positions.Select(p => $"{p.District} {Amounts.Format(p.Net, settlement.Scale)} {p.Kind}")),
                string.Join("|", settlement.Transfers.Select(t => $"{t.From}→{t.To} {Amounts.Format(t.Amount, settlement.Scale)}"))));
    }

    [Fact]
    public void Positions_sum_to_zero_and_are_the_same_from_the_netted_transfers()
    {
        Assert.Equal(0m, City.Positions.Sum(p => p.Net));
        Assert.Equal(City.Positions, SettlementNetting.Positions(City.Transfers));
        Assert.True(City.Transfers.Length < City.Totals.Length);
    }

    [Fact]
    public void Amounts_are_at_the_tax_indicators_own_scale()
    {
        // A city that books its taxes in whole yuan.
        var wholeYuan = new ReferenceData(Reference.Districts, [new Indicator("vat", "增值税", IndicatorFamily.Tax, "yuan", 0, 0)]);

        var settlement = YearEndSettlement.Of(2026, wholeYuan.Indicators, [new("vat", D(Q), D(P), false, 100)]);

        Assert.Equal(0, settlement.Scale);
        Assert.Equal([100m], settlement.Gross.Select(g => g.Amount));
        Assert.Equal("100", Amounts.Format(settlement.Totals.Single().Amount, settlement.Scale));
    }

    [Fact]
    public void Tax_indicators_of_different_units_are_not_summed_into_one_settlement()
    {
        var mixed = new ReferenceData(Reference.Districts,
        [
            new Indicator("vat", "增值税", IndicatorFamily.Tax, "yuan", 2, 0),
            new Indicator("levy", "某附加（万元）", IndicatorFamily.Tax, "10k yuan", 1, 1),
        ]);

        Assert.Throws<ArgumentException>(() => YearEndSettlement.Of(2026, mixed.Indicators, Year));
    }
}
