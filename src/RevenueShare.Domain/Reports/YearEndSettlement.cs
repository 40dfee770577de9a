using System.Collections.Immutable;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Settlement;

namespace RevenueShare.Domain.Reports;

/// <summary>
/// The year-end settlement between district treasuries (年终结算, docs/settlement.md): gross obligations
/// per tax indicator (<see cref="Gross"/>) and per pair of districts (<see cref="Totals"/>), each
/// district's net position (上解 when it pays, 补助 when it receives) and the netted
/// <see cref="Transfers"/> that settle them (<see cref="SettlementNetting"/>). <see cref="Totals"/>,
/// <see cref="Positions"/> and <see cref="Transfers"/> sum across tax indicators, which share one unit,
/// and are at <see cref="Scale"/>, the largest of their scales. Computed by <see cref="Of"/> from the
/// year's allocation totals, with no I/O.
/// </summary>
public sealed record YearEndSettlement(
    int Year,
    int Scale,
    ImmutableArray<TaxObligation> Gross,
    ImmutableArray<Obligation> Totals,
    ImmutableArray<NetPosition> Positions,
    ImmutableArray<Obligation> Transfers)
{
    /// <summary>
    /// The settlement of <paramref name="year"/> from its <paramref name="allocations"/>. Only tax
    /// indicators move money (statistical shares are assessment attributions), and double-count credits
    /// move nothing. A tax part allocated to a district other than the enterprise's registered district
    /// is owed by the registered district, which collected the tax, to that district; pairs whose parts
    /// cancel out over the year owe nothing and are left out.
    /// </summary>
    public static YearEndSettlement Of(int year, IReadOnlyList<Indicator> indicators, IReadOnlyList<AllocationTotal> allocations)
    {
        var tax = indicators.Where(i => i.Family == IndicatorFamily.Tax).ToArray();
        if (tax.Select(i => i.Unit).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new ArgumentException("The tax indicators are summed into one settlement, so they must share one unit.", nameof(indicators));
        }

        var allocationsOf = allocations.Where(a => !a.DoubleCount && a.Registered != a.District).ToLookup(a => a.Indicator, StringComparer.Ordinal);
        ImmutableArray<TaxObligation> gross = [.. tax.SelectMany(indicator => allocationsOf[indicator.Code]
            .GroupBy(a => (From: a.Registered, To: a.District))
            .Select(g => (g.Key.From, g.Key.To, Units: g.Sum(a => a.Units)))
            .Where(g => g.Units != 0)
            .OrderBy(g => g.From).ThenBy(g => g.To)
            .Select(g => new TaxObligation(indicator, g.From, g.To, Amounts.FromUnits(g.Units, indicator.Scale))))];
        ImmutableArray<Obligation> totals = [.. gross
            .GroupBy(g => (g.From, g.To))
            .Select(g => new Obligation(g.Key.From, g.Key.To, g.Sum(o => o.Amount)))
            .Where(o => o.Amount != 0m)
            .OrderBy(o => o.From).ThenBy(o => o.To)];
        return new YearEndSettlement(
            year,
            tax.Select(i => i.Scale).DefaultIfEmpty(0).Max(),
            gross,
            totals,
            [.. SettlementNetting.Positions(totals)],
            [.. SettlementNetting.Net(totals)]);
    }

    /// <summary>
    /// What <paramref name="district"/> may read (docs/settlement.md, Who): the obligations and transfers
    /// it pays or receives and its own position, as settled for the whole city.
    /// </summary>
    public YearEndSettlement SeenBy(DistrictCode district) => this with
    {
        Gross = [.. Gross.Where(g => g.From == district || g.To == district)],
        Totals = [.. Totals.Where(t => Involves(t, district))],
        Positions = [.. Positions.Where(p => p.District == district)],
        Transfers = [.. Transfers.Where(t => Involves(t, district))],
    };

    private static bool Involves(Obligation obligation, DistrictCode district) => obligation.From == district || obligation.To == district;
}
