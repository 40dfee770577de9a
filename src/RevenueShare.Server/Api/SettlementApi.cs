using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Settlement;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Contract;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
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
        api.MapGet("/settlement", GetAsync).WithTags("Reports").WithName("GetSettlement")
            .WithSummary("Year-end settlement (年度清算)")
            .WithDescription("What each district treasury owes another for the year, per indicator and in total, each district's net position (上解 / 补助) and the netted transfers. Finance sees all; a district the rows involving itself.")
            .AnswersText("As CSV (version 2, UTF-8 with BOM) for format=csv or Accept: text/csv.", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<SettlementResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        int? year, string? asOf, string? format, HttpContext http, ReportService reports, ReferenceData reference, CancellationToken cancellationToken)
    {
        var outcome = await reports.SettlementAsync(http.Office(), year, asOf, cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        if (!CsvAnswer.TryChoose(http, format, out var csv, out var badFormat))
        {
            return badFormat;
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
        if (!csv)
        {
            return TypedResults.Ok(response);
        }

        // Version 2 (docs/interfaces.md): names for the offices, each code in the column after its name
        // as version 1 wrote it; every amount is in 元, so no unit column.
        var yearText = settlement.Year.ToString(CultureInfo.InvariantCulture);
        string? District(string? code) => code is null ? null : Names.District(code, reference);
        IReadOnlyList<string?> Row(string item, string from, string? to, string? indicator, string amount, string? kind) =>
        [
            yearText, item, District(from), from, District(to), to, indicator is null ? null : Names.Indicator(indicator, reference), indicator,
            amount, kind is null ? null : Words.Position(kind), kind,
        ];

        var rows = new List<IReadOnlyList<string?>>();
        rows.AddRange(response.Gross.Select(g => Row("应付（分税种）", g.From, g.To, g.Indicator, g.Amount, null)));
        rows.AddRange(response.Totals.Select(t => Row("应付（合计）", t.From, t.To, null, t.Amount, null)));
        rows.AddRange(response.Positions.Select(p => Row("净头寸", p.District, null, null, p.Net, p.Kind)));
        rows.AddRange(response.Transfers.Select(t => Row("轧差划拨", t.From, t.To, null, t.Amount, null)));
        return CsvAnswer.File($"settlement-{year}", ["年度", "项目", "付款区", "付款区代码", "收款区", "收款区代码", "指标", "指标代码", "金额（元）", "性质", "性质代码"], rows);
    }
}
