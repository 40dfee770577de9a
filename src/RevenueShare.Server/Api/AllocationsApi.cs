using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>GET /api/allocations</c>: allocation and adjustment entries with their explanation. Summing
/// <c>amount</c> per agreement, enterprise, indicator, month and district gives the current allocation.
/// </summary>
public static class AllocationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/allocations", GetAsync).WithTags("Allocations").WithName("GetAllocations");
    }

    private static async Task<Results<Ok<AllocationsResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string? agreement,
        string? district,
        string? indicator,
        string? from,
        string? to,
        string? format,
        HttpContext http,
        ReportService reports,
        ReferenceData reference,
        CancellationToken cancellationToken)
    {
        var entries = await reports.AllocationsAsync(http.Office(), agreement, district, indicator, from, to, cancellationToken);
        if (entries.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        var views = entries.Value.Select(e => View(e, reference)).ToArray();
        if (CsvAnswer.Wanted(http, format))
        {
            return CsvAnswer.File(
                "allocations",
                ["协议", "统一社会信用代码", "指标", "月份", "区", "金额", "类型", "报告编号", "原因", "比例", "基数部分", "分成部分", "封顶剩余（前）", "封顶剩余（后）", "双核算", "记账时间", "记账人"],
                views.Select(v => (IReadOnlyList<string?>)[v.Agreement, v.Enterprise, v.Indicator, v.Month, v.District, v.Amount, v.Kind == AllocationChangeKinds.AllocationName ? "分配" : "调整",
                    v.ReportId, v.Reason, v.Ratio, v.BasePart, v.SharedPart, v.CapRemainingBefore, v.CapRemainingAfter, v.DoubleCount ? "是" : "否", v.BookedAt, v.BookedBy]));
        }

        return TypedResults.Ok(new AllocationsResponse(views));
    }

    private static AllocationEntryView View(AllocationEntryRow entry, ReferenceData reference)
    {
        var scale = reference.Indicator(entry.Indicator).Scale;
        var byAmendment = entry.ByAmendment;
        var reason = entry.Kind == AllocationChangeKinds.AllocationName
            ? null
            : byAmendment ? $"{entry.Cause} took effect" : $"recomputed after report {entry.Cause}";
        return new AllocationEntryView(
            entry.Agreement,
            entry.Enterprise,
            entry.Indicator,
            Months.Format(entry.Month),
            entry.District,
            Amounts.Format(entry.Amount, scale),
            entry.Kind,
            byAmendment ? null : entry.Cause,
            reason,
            entry.Ratio,
            entry.BasePart,
            entry.SharedPart,
            entry.CapRemainingBefore,
            entry.CapRemainingAfter,
            entry.DoubleCount,
            entry.BookedAt,
            entry.BookedBy);
    }
}
