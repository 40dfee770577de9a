using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Domain.Settlement;

namespace RevenueShare.Ledger.Verification;

/// <summary>
/// The year-end settlement of every year the replayed books allocate, computed by the domain
/// (<see cref="YearEndSettlement.Of"/>) from the current lines of every agreement — the totals the read
/// side keeps, summed here from the journal instead: the districts' net positions sum to zero, and the
/// netted transfers settle each district's position exactly.
/// </summary>
internal sealed class SettlementInvariants(ReferenceData reference)
{
    private readonly Dictionary<int, Dictionary<(string Indicator, DistrictCode District, DistrictCode Registered, bool DoubleCount), long>> years = [];

    public void Add(AgreementState state)
    {
        foreach (var enterprise in state.Terms.Enterprises)
        {
            if (!state.Books.TryGetValue(enterprise.Id, out var book))
            {
                continue;
            }

            foreach (var line in book.Lines)
            {
                if (!years.TryGetValue(line.Month.Year, out var totals))
                {
                    years[line.Month.Year] = totals = [];
                }

                var key = (line.Indicator.Code, line.District, enterprise.RegisteredDistrict, line.DoubleCount);
                totals[key] = checked(totals.GetValueOrDefault(key) + Amounts.ToUnits(line.Amount, line.Indicator.Scale));
            }
        }
    }

    public IEnumerable<InvariantCheck> Results()
    {
        var positions = new InvariantTally("settlement net positions sum to zero, per year");
        var transfers = new InvariantTally("netted transfers settle every position, per year");
        foreach (var (year, totals) in years.OrderBy(y => y.Key))
        {
            var settlement = YearEndSettlement.Of(
                year,
                reference.Indicators,
                [.. totals.Select(t => new AllocationTotal(t.Key.Indicator, t.Key.District, t.Key.Registered, t.Key.DoubleCount, t.Value))]);
            var sum = settlement.Positions.Sum(p => p.Net);
            positions.Check(sum == 0m, () => $"{year}: the net positions sum to {sum}");
            foreach (var position in settlement.Positions)
            {
                var settled = Settled(settlement.Transfers, position.District);
                transfers.Check(settled == position.Net, () => $"{year} {position.District}: position {position.Net}, the transfers settle {settled}");
            }
        }

        return [positions.Result(), transfers.Result()];
    }

    private static decimal Settled(IEnumerable<Obligation> transfers, DistrictCode district) =>
        transfers.Where(t => t.To == district).Sum(t => t.Amount) - transfers.Where(t => t.From == district).Sum(t => t.Amount);
}
