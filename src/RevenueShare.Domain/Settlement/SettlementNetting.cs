using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Settlement;

/// <summary>
/// The year-end settlement's arithmetic (docs/settlement.md), as plain functions: net positions from
/// gross obligations, and a netted list of transfers that settles those positions.
/// </summary>
public static class SettlementNetting
{
    /// <summary>
    /// Each district's net position (received − paid) over <paramref name="obligations"/>, in ordinal
    /// order of district code; districts whose obligations cancel out are listed with 0. The positions
    /// sum to zero because every amount is counted once received and once paid.
    /// </summary>
    public static IReadOnlyList<NetPosition> Positions(IEnumerable<Obligation> obligations)
    {
        var net = new SortedDictionary<DistrictCode, decimal>();
        foreach (var o in obligations)
        {
            net[o.From] = net.GetValueOrDefault(o.From) - o.Amount;
            net[o.To] = net.GetValueOrDefault(o.To) + o.Amount;
        }

        return [.. net.Select(p => new NetPosition(p.Key, p.Value))];
    }

    /// <summary>
    /// Transfers that settle the net positions of <paramref name="gross"/>. Within each group of
    /// districts linked by a non-zero gross obligation, greedily, the largest debtor pays the largest
    /// creditor the smaller of the two amounts until nothing is owed. Each transfer clears at least one
    /// district and the last clears two, so a group of k districts needs at most k − 1 transfers, while
    /// its gross obligations, linking all k, are at least k − 1: the netted list is never longer than
    /// the gross one. (Greedy over the whole city could be: A→B 3, C→D 2, C→E 2 nets greedily to four
    /// transfers.) A true minimum is NP-hard; this bound is what the city can check. Ties break by
    /// district code, so the result is deterministic.
    /// </summary>
    public static IReadOnlyList<Obligation> Net(IReadOnlyList<Obligation> gross)
    {
        var group = new Dictionary<DistrictCode, DistrictCode>();
        DistrictCode Root(DistrictCode d)
        {
            while (group[d] != d)
            {
                d = group[d];
            }

            return d;
        }

        foreach (var o in gross.Where(o => o.Amount != 0m))
        {
            group.TryAdd(o.From, o.From);
            group.TryAdd(o.To, o.To);
            var (a, b) = (Root(o.From), Root(o.To));
            if (a != b)
            {
                group[a < b ? b : a] = a < b ? a : b;
            }
        }

        var positions = Positions(gross);
        var transfers = new List<Obligation>();
        foreach (var members in positions.Where(p => group.ContainsKey(p.District)).GroupBy(p => Root(p.District)).OrderBy(g => g.Key))
        {
            transfers.AddRange(Greedy([.. members]));
        }

        return transfers;
    }

    /// <summary>Greedy largest debtor → largest creditor over positions that sum to zero.</summary>
    public static IReadOnlyList<Obligation> Greedy(IReadOnlyList<NetPosition> positions)
    {
        if (positions.Sum(p => p.Net) != 0m)
        {
            throw new ArgumentException("Net positions must sum to zero.", nameof(positions));
        }

        var debtors = positions.Where(p => p.Net < 0m).Select(p => (p.District, Amount: -p.Net)).ToList();
        var creditors = positions.Where(p => p.Net > 0m).Select(p => (p.District, Amount: p.Net)).ToList();
        var transfers = new List<Obligation>();
        while (debtors.Count > 0 && creditors.Count > 0)
        {
            var d = Largest(debtors);
            var c = Largest(creditors);
            var amount = Math.Min(debtors[d].Amount, creditors[c].Amount);
            transfers.Add(new Obligation(debtors[d].District, creditors[c].District, amount));
            debtors[d] = (debtors[d].District, debtors[d].Amount - amount);
            creditors[c] = (creditors[c].District, creditors[c].Amount - amount);
            debtors.RemoveAll(x => x.Amount == 0m);
            creditors.RemoveAll(x => x.Amount == 0m);
        }

        return transfers;
    }

    private static int Largest(List<(DistrictCode District, decimal Amount)> items)
    {
        var best = 0;
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i].Amount > items[best].Amount
                || (items[i].Amount == items[best].Amount && items[i].District < items[best].District))
            {
                best = i;
            }
        }

        return best;
    }
}
