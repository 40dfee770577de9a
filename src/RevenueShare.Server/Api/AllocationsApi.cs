using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Contract;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
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
        api.MapGet("/allocations", GetAsync).WithTags("Allocations").WithName("GetAllocations")
            .WithSummary("Allocation entries (分配明细)")
            .WithDescription("Allocation and adjustment entries with their explanation, as the office may see them. Summing amount per agreement, enterprise, indicator, month and district gives the current allocation.")
            .AnswersText("As CSV (version 2, UTF-8 with BOM) for format=csv or Accept: text/csv.", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<AllocationsResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string? agreement,
        string? district,
        string? indicator,
        string? from,
        string? to,
        string? asOf,
        string? format,
        HttpContext http,
        ReportService reports,
        ReferenceData reference,
        CancellationToken cancellationToken)
    {
        var entries = await reports.AllocationsAsync(http.Office(), agreement, district, indicator, from, to, asOf, cancellationToken);
        if (entries.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        if (!CsvAnswer.TryChoose(http, format, out var csv, out var badFormat))
        {
            return badFormat;
        }

        var views = entries.Value.Select(e => View(e, reference)).ToArray();
        if (csv)
        {
            return CsvAnswer.File(
                "allocations",
                ["协议", "统一社会信用代码", "指标", "指标代码", "月份", "区", "区代码", "金额", "单位", "单位代码", "类型", "报告编号", "原因", "比例",
                    "基数部分", "分成部分", "封顶剩余（前）", "封顶剩余（后）", "双核算", "记账时间", "记账人", "记账人代码"],
                views.Select(v => CsvRow(v, reference)));
        }

        return TypedResults.Ok(new AllocationsResponse(views));
    }

    /// <summary>
    /// An entry as a CSV row (version 2, docs/interfaces.md): names for the offices, each code in the
    /// column after its name, and the unit beside the amount, as tax (元) and statistics (万元) share it.
    /// </summary>
    private static IReadOnlyList<string?> CsvRow(AllocationEntryView v, ReferenceData reference)
    {
        var indicator = reference.Indicator(v.Indicator);
        return
        [
            v.Agreement, v.Enterprise, indicator.Name, v.Indicator, v.Month, Names.District(v.District, reference), v.District,
            v.Amount, Words.Unit(indicator), indicator.Unit, Words.ChangeKind(v.Kind), v.ReportId, v.Reason, v.Ratio, v.BasePart, v.SharedPart,
            v.CapRemainingBefore, v.CapRemainingAfter, v.DoubleCount ? "是" : "否", v.BookedAt, Names.Office(v.BookedBy, reference), v.BookedBy,
        ];
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
