using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Http;
using RevenueShare.Server.Identity;

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
        api.MapGet("/districts/{code}/statement", GetAsync).WithTags("Reports").WithName("GetDistrictStatement");
    }

    private static async Task<Results<Ok<StatementResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string code, string? from, string? to, string? format, HttpContext http, OfficeReports reports, ReferenceData reference, CancellationToken cancellationToken)
    {
        var office = http.Office();
        if (!(DistrictCode.TryParse(code, out var parsed, out _) && reference.TryGetDistrict(parsed, out _)))
        {
            return Problems.NotFound($"'{code}' is not a district of the catalogue.");
        }

        if (!(office.Kind == PrincipalKind.Finance || (office.Kind == PrincipalKind.District && office.District == parsed)))
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

        var statement = await reports.StatementAsync(parsed, fromMonth, toMonth, cancellationToken);
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
        return CsvAnswer.Wanted(http, format)
            ? CsvAnswer.File(
                $"statement-{code}-{response.From}-{response.To}",
                ["区", "起始月份", "截止月份", "指标", "类别", "单位", "本区登记企业", "转出", "转入", "净额", "双核算（不计入净额）"],
                rows.Select(r => (IReadOnlyList<string?>)[code, response.From, response.To, r.Indicator, r.Family, r.Unit, r.Registered, r.TransferredOut, r.Received, r.Net, r.DoubleCount]))
            : TypedResults.Ok(response);
    }
}
