using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Identity;
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
        api.MapGet("/reconciliation", GetAsync).WithTags("Reports").WithName("GetReconciliation");
    }

    private static async Task<Results<Ok<ReconciliationResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string? month, string? format, HttpContext http, ReportService reports, CancellationToken cancellationToken)
    {
        var outcome = await reports.ReconciliationAsync(http.Office(), month, cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        var reconciliation = outcome.Value;
        var response = new ReconciliationResponse(
            Months.Format(reconciliation.Month),
            [.. reconciliation.Indicators.Select(View)],
            [.. reconciliation.Missing.Select(m => new MissingReport(m.Agreement.Value, m.Enterprise.ToString(), m.Indicator.Code))],
            [.. reconciliation.Reviews.Select(r => new ReviewStatusView(r.Agreement.Value, r.Family.WireName(), r.Status is { } status ? ReviewRow.NameOf(status) : "none"))]);
        return CsvAnswer.Wanted(http, format) ? Csv(response) : TypedResults.Ok(response);
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

    private static FileContentHttpResult Csv(ReconciliationResponse response)
    {
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var i in response.Indicators)
        {
            rows.Add([response.Month, i.Indicator, "上报合计", null, null, null, i.Reported]);
            rows.Add([response.Month, i.Indicator, "分配合计", null, null, null, i.Allocated]);
            rows.Add([response.Month, i.Indicator, "差额", null, null, null, i.Difference]);
            rows.AddRange(i.Districts.Select(d => (IReadOnlyList<string?>)[response.Month, i.Indicator, i.Published is null ? "分配" : "考核口径", d.Key, null, null, d.Value]));
            rows.AddRange((i.Published ?? new Dictionary<string, string>()).Select(d => (IReadOnlyList<string?>)[response.Month, i.Indicator, "在地口径", d.Key, null, null, d.Value]));
            rows.AddRange((i.DoubleCount ?? new Dictionary<string, string>()).Select(d => (IReadOnlyList<string?>)[response.Month, i.Indicator, "双核算（不计入合计）", d.Key, null, null, d.Value]));
        }

        rows.AddRange(response.Missing.Select(m => (IReadOnlyList<string?>)[response.Month, m.Indicator, "缺报", null, m.Agreement, m.Enterprise, null]));
        rows.AddRange(response.Reviews.Select(r => (IReadOnlyList<string?>)[response.Month, r.Family, "审核状态", null, r.Agreement, null, r.Status]));
        return CsvAnswer.File("reconciliation-" + response.Month, ["月份", "指标", "项目", "区", "协议", "企业", "金额"], rows);
    }
}
