using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;

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
        LedgerGateway ledger,
        ReadModel reads,
        ReferenceData reference,
        CancellationToken cancellationToken)
    {
        var office = http.Office();
        var errors = new List<FieldError>();
        NodaTime.YearMonth? fromMonth = Month(from, "from", errors);
        NodaTime.YearMonth? toMonth = Month(to, "to", errors);
        DistrictCode? districtCode = null;
        if (district is not null)
        {
            if (DistrictCode.TryParse(district, out var code, out _) && reference.TryGetDistrict(code, out _))
            {
                districtCode = code;
            }
            else
            {
                errors.Add(new FieldError("district", $"'{district}' is not a district of the catalogue."));
            }
        }

        Indicator? known = null;
        if (indicator is not null && !reference.TryGetIndicator(indicator, out known))
        {
            errors.Add(new FieldError("indicator", $"'{indicator}' is not an indicator of the catalogue."));
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest(errors[0].Message, [.. errors]);
        }

        if (known is not null && !Visibility.CanSee(office, known))
        {
            return Problems.NotFound($"{office} may not see {known.Code} figures.");
        }

        AgreementState? state = null;
        if (agreement is not null)
        {
            // An id of the wrong shape answers as any agreement this office may not see.
            state = AgreementId.TryParse(agreement, out var id, out _) ? await ledger.GetAsync(id, cancellationToken) : null;
            if (state is null || !Visibility.CanSee(office, state))
            {
                return Problems.NotFound($"There is no agreement {agreement} this office may see.");
            }
        }

        var query = new AllocationQuery(
            state?.Id, districtCode, indicator, fromMonth, toMonth, Visibility.Families(office),
            office.Kind == PrincipalKind.District ? office.District : null);
        var entries = await reads.AllocationsAsync(query, cancellationToken);
        var views = entries.Select(e => View(e, reference)).ToArray();
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

    private static NodaTime.YearMonth? Month(string? text, string name, List<FieldError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (Months.TryParse(text, out var month, out var error))
        {
            return month;
        }

        errors.Add(new FieldError(name, error));
        return null;
    }

    private static AllocationEntryView View(AllocationEntryRow entry, ReferenceData reference)
    {
        var scale = reference.Indicator(entry.Indicator).Scale;
        var byAmendment = entry.Cause.StartsWith("amendment ", StringComparison.Ordinal);
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
