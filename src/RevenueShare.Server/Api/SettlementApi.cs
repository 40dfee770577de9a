using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Settlement;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>GET /api/settlement?year=</c> (docs/settlement.md): the year-end settlement between district
/// treasuries, from the tax allocation entries of the year. A tax part allocated to a district other
/// than the enterprise's registered district is owed by the registered district (which collected the
/// tax) to that district. Finance sees everything; a district sees the rows involving itself.
/// </summary>
public static class SettlementApi
{
    private const int TaxScale = 2;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/settlement", GetAsync).WithTags("Reports").WithName("GetSettlement");
    }

    private static async Task<Results<Ok<SettlementResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        int? year, string? format, HttpContext http, ReportQueries queries, ReferenceData reference, CancellationToken cancellationToken)
    {
        var office = http.Office();
        if (office.Kind is not (PrincipalKind.Finance or PrincipalKind.District))
        {
            return Problems.Forbidden("The settlement is the finance bureau's, and each district's for its own rows.");
        }

        if (year is not (>= 2000 and <= 2100))
        {
            return Problems.BadField("year", "year is required, between 2000 and 2100.");
        }

        var entries = await queries.AllocationTotalsAsync(new YearMonth(year.Value, 1), new YearMonth(year.Value, 12), cancellationToken);
        var tax = reference.Indicators.Where(i => i.Family == IndicatorFamily.Tax).ToArray();
        var gross = new List<(string From, string To, Indicator Indicator, long Units)>();
        foreach (var indicator in tax)
        {
            gross.AddRange(entries
                .Where(e => e.Indicator == indicator.Code && !e.DoubleCount)
                .Select(e => (From: e.Registered, e.District, e.Units))
                .Where(e => e.From != e.District)
                .GroupBy(e => (e.From, e.District))
                .Select(g => (g.Key.From, g.Key.District, indicator, g.Sum(e => e.Units)))
                .Where(g => g.Item4 != 0)
                .OrderBy(g => g.From, StringComparer.Ordinal).ThenBy(g => g.District, StringComparer.Ordinal));
        }

        Obligation[] totals = [.. gross
            .GroupBy(g => (g.From, g.To))
            .Select(g => new Obligation(g.Key.From, g.Key.To, AmountUnits.FromUnits(g.Sum(x => x.Units), TaxScale)))
            .Where(o => o.Amount != 0m)
            .OrderBy(o => o.From, StringComparer.Ordinal).ThenBy(o => o.To, StringComparer.Ordinal)];
        var positions = SettlementNetting.Positions(totals);
        var transfers = SettlementNetting.Net(totals);

        var own = office.Kind == PrincipalKind.District ? office.District : null;
        bool Involves(string a, string b) => own is null || a == own || b == own;
        var response = new SettlementResponse(
            year.Value,
            [.. gross.Where(g => Involves(g.From, g.To)).Select(g => new SettlementGross(g.From, g.To, g.Indicator.Code, F(AmountUnits.FromUnits(g.Units, TaxScale))))],
            [.. totals.Where(t => Involves(t.From, t.To)).Select(View)],
            [.. positions.Where(p => Involves(p.District, p.District)).Select(p => new SettlementPosition(p.District, F(p.Net), p.Kind))],
            [.. transfers.Where(t => Involves(t.From, t.To)).Select(View)]);
        if (!CsvAnswer.Wanted(http, format))
        {
            return TypedResults.Ok(response);
        }

        var rows = new List<IReadOnlyList<string?>>();
        rows.AddRange(response.Gross.Select(g => (IReadOnlyList<string?>)[year.ToString(), "应付（分税种）", g.From, g.To, g.Indicator, g.Amount, null]));
        rows.AddRange(response.Totals.Select(t => (IReadOnlyList<string?>)[year.ToString(), "应付（合计）", t.From, t.To, null, t.Amount, null]));
        rows.AddRange(response.Positions.Select(p => (IReadOnlyList<string?>)[year.ToString(), "净头寸", p.District, null, null, p.Net, p.Kind]));
        rows.AddRange(response.Transfers.Select(t => (IReadOnlyList<string?>)[year.ToString(), "轧差划拨", t.From, t.To, null, t.Amount, null]));
        return CsvAnswer.File($"settlement-{year}", ["年度", "项目", "付款区", "收款区", "指标", "金额（元）", "性质"], rows);
    }

    private static string F(decimal amount) => Amounts.Format(amount, TaxScale);

    private static SettlementTransfer View(Obligation o) => new(o.From, o.To, F(o.Amount));
}
