using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Contract;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>GET /api/districts/{code}/statement?from=&amp;to=</c> (docs/statement.md), for that district or
/// finance. The statement is the domain's (<see cref="Domain.Reports.DistrictStatement"/>); here only
/// who may ask, the months, and the wire: each indicator in its own unit, at its own scale.
/// </summary>
public static class StatementApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/districts/{code}/statement", GetAsync).WithTags("Reports").WithName("GetDistrictStatement")
            .WithSummary("District statement (本区结算单)")
            .WithDescription("A district's share per indicator over a range of months: registered, transferred out, received, net, and the double-count credits apart. For that district and finance.")
            .AnswersText("As CSV (version 2, UTF-8 with BOM) for format=csv or Accept: text/csv.", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<StatementResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string code, string? from, string? to, string? asOf, string? format, HttpContext http, ReportService reports, ReferenceData reference, CancellationToken cancellationToken)
    {
        var outcome = await reports.StatementAsync(http.Office(), code, from, to, asOf, cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        if (!CsvAnswer.TryChoose(http, format, out var csv, out var badFormat))
        {
            return badFormat;
        }

        var statement = outcome.Value;
        var rows = statement.Indicators.Select(line => new StatementIndicator(
            line.Indicator.Code,
            line.Indicator.Family.WireName(),
            line.Indicator.Unit,
            Amounts.Format(line.Registered, line.Indicator.Scale),
            Amounts.Format(line.TransferredOut, line.Indicator.Scale),
            Amounts.Format(line.Received, line.Indicator.Scale),
            Amounts.Format(line.Net, line.Indicator.Scale),
            Amounts.Format(line.DoubleCount, line.Indicator.Scale))).ToArray();

        var response = new StatementResponse(statement.District.Value, Months.Format(statement.From), Months.Format(statement.To), rows);
        if (!csv)
        {
            return TypedResults.Ok(response);
        }

        // Version 2 (docs/interfaces.md): names for the offices, each code in the column after its name as
        // version 1 wrote it, so a machine reading version 1 finds its values under the code headers.
        var district = Names.District(statement.District, reference);
        return CsvAnswer.File(
            $"statement-{code}-{response.From}-{response.To}",
            ["区", "区代码", "起始月份", "截止月份", "指标", "指标代码", "类别", "类别代码", "单位", "单位代码", "本区登记企业", "转出", "转入", "净额", "双核算（不计入净额）"],
            statement.Indicators.Zip(rows, (line, r) => (IReadOnlyList<string?>)
            [
                district, code, response.From, response.To, line.Indicator.Name, r.Indicator, Words.Family(line.Indicator.Family), r.Family,
                Words.Unit(line.Indicator), r.Unit, r.Registered, r.TransferredOut, r.Received, r.Net, r.DoubleCount,
            ]));
    }
}
