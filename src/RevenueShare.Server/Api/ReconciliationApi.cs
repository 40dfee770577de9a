using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Contract;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>GET /api/reconciliation?month=</c> (docs/reconciliation.md): the statistics bureau for statistical
/// indicators, finance for all. The report is the domain's (<see cref="Reconciliation"/>); here only
/// who may ask, the month, and the wire: amounts at each indicator's scale, a review status
/// <c>none</c> until the reviewing office decides.
/// </summary>
public static class ReconciliationApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/reconciliation", GetAsync).WithTags("Reports").WithName("GetReconciliation")
            .WithSummary("Monthly reconciliation (月度对账)")
            .WithDescription("Reported against allocated per indicator, per district in the assessment and published views, the missing reports and each agreement's review status: the statistics bureau for statistical indicators, finance for all.")
            .AnswersText("As CSV (version 2, UTF-8 with BOM) for format=csv or Accept: text/csv.", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<ReconciliationResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string? month, string? asOf, string? format, HttpContext http, ReportService reports, ReferenceData reference, CancellationToken cancellationToken)
    {
        var outcome = await reports.ReconciliationAsync(http.Office(), month, asOf, cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        if (!CsvAnswer.TryChoose(http, format, out var csv, out var badFormat))
        {
            return badFormat;
        }

        var reconciliation = outcome.Value;
        var response = new ReconciliationResponse(
            Months.Format(reconciliation.Month),
            [.. reconciliation.Indicators.Select(View)],
            [.. reconciliation.Missing.Select(m => new MissingReport(m.Agreement.Value, m.Enterprise.ToString(), m.Indicator.Code))],
            [.. reconciliation.Reviews.Select(r => new ReviewStatusView(r.Agreement.Value, r.Family.WireName(), r.Status is { } status ? ReviewRow.NameOf(status) : "none"))]);
        return csv ? Csv(reconciliation, response, reference) : TypedResults.Ok(response);
    }

    private static ReconciliationIndicator View(IndicatorReconciliation line) => new(
        line.Indicator.Code,
        line.Indicator.Family.WireName(),
        Amounts.Format(line.Reported, line.Indicator.Scale),
        Amounts.Format(line.Allocated, line.Indicator.Scale),
        Amounts.Format(line.Difference, line.Indicator.Scale),
        ByDistrict(line.Districts, line.Indicator.Scale),
        ByDistrict(line.Published, line.Indicator.Scale),
        ByDistrict(line.Assessment, line.Indicator.Scale),
        ByDistrict(line.DoubleCount, line.Indicator.Scale));

    /// <summary>The report's per-district amounts on the wire, in the report's order of district code.</summary>
    [return: NotNullIfNotNull(nameof(amounts))]
    private static Dictionary<string, string>? ByDistrict(IReadOnlyDictionary<DistrictCode, decimal>? amounts, int scale) =>
        amounts?.ToDictionary(a => a.Key.Value, a => Amounts.Format(a.Value, scale), StringComparer.Ordinal);

    /// <summary>
    /// The report as CSV, version 2 (docs/interfaces.md): names for the offices, each code in the column
    /// after its name as version 1 wrote it, and the unit of each row, as tax (元) and statistics (万元)
    /// share the amount column. A review row's 金额 holds its status, a code like any other.
    /// </summary>
    private static FileContentHttpResult Csv(Reconciliation reconciliation, ReconciliationResponse response, ReferenceData reference)
    {
        var month = response.Month;
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var i in response.Indicators)
        {
            var indicator = reference.Indicator(i.Indicator);
            IReadOnlyList<string?> Row(string item, string? district, string amount) =>
            [
                month, indicator.Name, i.Indicator, item, district is null ? null : Names.District(district, reference), district,
                null, null, amount, amount, Words.Unit(indicator), indicator.Unit,
            ];

            rows.Add(Row("上报合计", null, i.Reported));
            rows.Add(Row("分配合计", null, i.Allocated));
            rows.Add(Row("差额", null, i.Difference));
            rows.AddRange(i.Districts.Select(d => Row(i.Published is null ? "分配" : "考核口径", d.Key, d.Value)));
            rows.AddRange((i.Published ?? new Dictionary<string, string>()).Select(d => Row("在地口径", d.Key, d.Value)));
            rows.AddRange((i.DoubleCount ?? new Dictionary<string, string>()).Select(d => Row("双核算（不计入合计）", d.Key, d.Value)));
        }

        rows.AddRange(response.Missing.Select(m =>
        {
            var indicator = reference.Indicator(m.Indicator);
            return (IReadOnlyList<string?>)[month, indicator.Name, m.Indicator, "缺报", null, null, m.Agreement, m.Enterprise, null, null, Words.Unit(indicator), indicator.Unit];
        }));
        rows.AddRange(reconciliation.Reviews.Zip(response.Reviews, (review, r) => (IReadOnlyList<string?>)
            [month, Words.Family(review.Family), r.Family, "审核状态", null, null, r.Agreement, null, Words.Review(review.Status), r.Status, null, null]));
        return CsvAnswer.File("reconciliation-" + month, ["月份", "指标", "指标代码", "项目", "区", "区代码", "协议", "企业", "金额", "金额代码", "单位", "单位代码"], rows);
    }
}
