using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Settlement;
using static RevenueShare.Domain.Tests.Support.Districts;

namespace RevenueShare.Domain.Tests.Settlement;

public sealed class SettlementNettingProperties
{
    private static readonly DistrictCode[] Codes = All("440103", "440104", "440105", "440106", "440111", "440112");

    /// <summary>Gross obligations between distinct districts, amounts in fen (possibly negative: refunds).</summary>
    private static readonly Arbitrary<Obligation[]> Gross = Arb.From(
        Gen.ArrayOf(
            from payer in Gen.Elements(Codes)
            from payee in Gen.Elements(Codes).Where(t => t != payer)
            from fen in Gen.Choose(-1_000_000, 100_000_000)
            select new Obligation(payer, payee, fen / 100m)));

    [Property]
    public Property Net_positions_sum_to_zero() =>
        Prop.ForAll(Gross, gross => SettlementNetting.Positions(gross).Sum(p => p.Net) == 0m);

    [Property]
    public Property Gross_and_netted_give_every_district_the_same_net_position() =>
        Prop.ForAll(Gross, gross =>
        {
            var positions = SettlementNetting.Positions(gross);
            var netted = SettlementNetting.Positions(SettlementNetting.Net(gross));
            return positions.All(p => p.Net == (netted.FirstOrDefault(n => n.District == p.District)?.Net ?? 0m));
        });

    [Property]
    public Property Netted_never_has_more_transfers_than_gross() =>
        Prop.ForAll(Gross, gross => SettlementNetting.Net(gross).Count <= gross.Count(g => g.Amount != 0m));

    [Property]
    public Property Netted_needs_at_most_one_transfer_fewer_than_the_districts_it_settles() =>
        Prop.ForAll(Gross, gross =>
        {
            var positions = SettlementNetting.Positions(gross);
            var unsettled = positions.Count(p => p.Net != 0m);
            var transfers = SettlementNetting.Net(gross);
            return transfers.Count <= Math.Max(0, unsettled - 1) && transfers.All(t => t.Amount > 0m);
        });

    [Fact]
    public void Greedy_over_the_whole_city_would_need_more_transfers_than_gross_but_grouping_does_not()
    {
        Obligation[] gross = [new(D("440103"), D("440104"), 3m), new(D("440105"), D("440106"), 2m), new(D("440105"), D("440111"), 2m)];
        Assert.Equal(4, SettlementNetting.Greedy(SettlementNetting.Positions(gross)).Count);
        Assert.Equal(3, SettlementNetting.Net(gross).Count);
    }

    [Fact]
    public void A_chain_nets_to_one_transfer_and_kinds_follow_the_sign()
    {
        // 440112 owes 440106 100.00 and 440106 owes 440103 100.00: 440106 is only a conduit.
        Obligation[] gross = [new(D("440112"), D("440106"), 100.00m), new(D("440106"), D("440103"), 100.00m)];
        var positions = SettlementNetting.Positions(gross);
        Assert.Equal([new(D("440103"), 100.00m), new(D("440106"), 0.00m), new(D("440112"), -100.00m)], positions);
        Assert.Equal(["补助", "none", "上解"], positions.Select(p => p.Kind));
        Assert.Equal([new Obligation(D("440112"), D("440103"), 100.00m)], SettlementNetting.Net(gross));
    }
}
