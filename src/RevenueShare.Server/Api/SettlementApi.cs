using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Settlement;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>GET /api/settlement?year=</c> (docs/settlement.md): the year-end settlement between district
/// treasuries. The settlement is the domain's (<see cref="Domain.Reports.YearEndSettlement"/>); here
/// only who may ask — finance sees everything, a district the rows involving itself — the year, and
/// the wire.
/// </summary>
public static class SettlementApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/settlement", GetAsync).WithTags("Reports").WithName("GetSettlement");
    }

    private static async Task<Results<Ok<SettlementResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        int? year, string? format, HttpContext http, ReportService reports, CancellationToken cancellationToken)
    {
        var outcome = await reports.SettlementAsync(http.Office(), year, cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        var settlement = outcome.Value;
        string F(decimal amount) => Amounts.Format(amount, settlement.Scale);
        SettlementTransfer View(Obligation o) => new(o.From.Value, o.To.Value, F(o.Amount));
        var response = new SettlementResponse(
            settlement.Year,
            [.. settlement.Gross.Select(g => new SettlementGross(g.From.Value, g.To.Value, g.Indicator.Code, Amounts.Format(g.Amount, g.Indicator.Scale)))],
            [.. settlement.Totals.Select(View)],
            [.. settlement.Positions.Select(p => new SettlementPosition(p.District.Value, F(p.Net), p.Kind))],
            [.. settlement.Transfers.Select(View)]);
        if (!CsvAnswer.Wanted(http, format))
        {
            return TypedResults.Ok(response);
        }

        var yearText = settlement.Year.ToString(CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<string?>>();
        rows.AddRange(response.Gross.Select(g => (IReadOnlyList<string?>)[yearText, "应付（分税种）", g.From, g.To, g.Indicator, g.Amount, null]));
        rows.AddRange(response.Totals.Select(t => (IReadOnlyList<string?>)[yearText, "应付（合计）", t.From, t.To, null, t.Amount, null]));
        rows.AddRange(response.Positions.Select(p => (IReadOnlyList<string?>)[yearText, "净头寸", p.District, null, null, p.Net, p.Kind]));
        rows.AddRange(response.Transfers.Select(t => (IReadOnlyList<string?>)[yearText, "轧差划拨", t.From, t.To, null, t.Amount, null]));
        return CsvAnswer.File($"settlement-{year}", ["年度", "项目", "付款区", "收款区", "指标", "金额（元）", "性质"], rows);
    }
}
