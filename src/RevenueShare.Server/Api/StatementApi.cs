using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Projections;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>GET /api/districts/{code}/statement?from=&amp;to=</c> (docs/statement.md), for that district or
/// finance. Per indicator: <c>registered</c>, the figures of enterprises registered in the district
/// under agreements; <c>transferredOut</c>, the parts of those allocated to other districts;
/// <c>received</c>, the parts allocated to this district from enterprises registered elsewhere;
/// <c>net = registered − transferredOut + received</c>. Double-count credits are not in net.
/// </summary>
public static class StatementApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/districts/{code}/statement", GetAsync).WithTags("Reports").WithName("GetDistrictStatement");
    }

    private static async Task<Results<Ok<StatementResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string code, string? from, string? to, string? format, HttpContext http, ReportQueries queries, ReferenceData reference, CancellationToken cancellationToken)
    {
        var office = http.Office();
        if (!reference.TryGetDistrict(code, out _))
        {
            return Problems.NotFound($"'{code}' is not a district of the catalogue.");
        }

        if (!(office.Kind == PrincipalKind.Finance || (office.Kind == PrincipalKind.District && office.District == code)))
        {
            return Problems.Forbidden($"A statement of {code} is for district:{code} and finance only.");
        }

        var errors = new List<FieldError>();
        if (!Months.TryParse(from, out var fromMonth, out var fromError))
        {
            errors.Add(new FieldError("from", from is null ? "from is required, as YYYY-MM." : fromError));
        }

        if (!Months.TryParse(to, out var toMonth, out var toError))
        {
            errors.Add(new FieldError("to", to is null ? "to is required, as YYYY-MM." : toError));
        }

        if (errors.Count == 0 && toMonth < fromMonth)
        {
            errors.Add(new FieldError("to", $"to ({to}) is before from ({from})."));
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest(errors[0].Message, [.. errors]);
        }

        var figures = await queries.FigureTotalsAsync(fromMonth, toMonth, cancellationToken);
        var entries = await queries.AllocationTotalsAsync(fromMonth, toMonth, cancellationToken);

        var rows = new List<StatementIndicator>();
        foreach (var indicator in reference.Indicators)
        {
            var scale = indicator.Scale;
            string F(long units) => Amounts.Format(AmountUnits.FromUnits(units, scale), scale);
            var mine = entries.Where(e => e.Indicator == indicator.Code).ToArray();
            var registered = figures.Where(f => f.Indicator == indicator.Code && f.Registered == code).Sum(f => f.Units);
            var transferredOut = mine.Where(e => !e.DoubleCount && e.District != code && e.Registered == code).Sum(e => e.Units);
            var received = mine.Where(e => !e.DoubleCount && e.District == code && e.Registered != code).Sum(e => e.Units);
            var doubleCount = mine.Where(e => e.DoubleCount && e.District == code).Sum(e => e.Units);
            rows.Add(new StatementIndicator(
                indicator.Code,
                ReconciliationApi.Family(indicator),
                indicator.Unit,
                F(registered),
                F(transferredOut),
                F(received),
                F(checked(registered - transferredOut + received)),
                F(doubleCount)));
        }

        var response = new StatementResponse(code, Months.Format(fromMonth), Months.Format(toMonth), rows);
        return CsvAnswer.Wanted(http, format)
            ? CsvAnswer.File(
                $"statement-{code}-{response.From}-{response.To}",
                ["区", "起始月份", "截止月份", "指标", "类别", "单位", "本区登记企业", "转出", "转入", "净额", "双核算（不计入净额）"],
                rows.Select(r => (IReadOnlyList<string?>)[code, response.From, response.To, r.Indicator, r.Family, r.Unit, r.Registered, r.TransferredOut, r.Received, r.Net, r.DoubleCount]))
            : TypedResults.Ok(response);
    }
}
