using Microsoft.AspNetCore.Http.HttpResults;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Csv;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>/api/agreements/{id}/factors</c> (docs/allocation.md, Formula shares; docs/interfaces.md, Routes):
/// the tax office reports an enterprise's apportionment factors of a year, which set the ratios of its
/// formula terms for the year after. The work is the <see cref="FactorService"/>'s; here the HTTP shapes.
/// </summary>
public static class FactorsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var factors = api.MapGroup("/agreements/{id}/factors").WithTags("Factors");
        factors.MapPost("/", ReportAsync).WithName("ReportFactors")
            .WithSummary("Report apportionment factors (分摊因素)")
            .WithDescription("The tax office reports an enterprise's operating revenue, payroll and assets of a year for every party (yuan, 2 decimals, ≥ 0); they set the ratios of the agreement's formula terms for the year after. The same reportId with the same content again is a duplicate; a restatement carries a higher revision and recomputes the figures of the year after, booking adjustments (409 month-locked when that would change an approved month).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        factors.MapPost("/import", ImportAsync).WithName("ImportFactors")
            .Accepts<string>(CsvAnswer.MediaType, Presentation.TableExport.XlsxMediaType)
            .WithSummary("Import a factors file (分摊因素表)")
            .WithDescription("The same as factor reports, from a CSV body (UTF-8 with or without BOM, or GB18030) or an Excel workbook (first sheet): a header row (reportId,enterprise,year,revision,district,operatingRevenue,payroll,assets or 报告编号,统一社会信用代码,年度,修订号,区划代码,营业收入,职工薪酬,资产总额), then one line per party; the lines of one reportId are one report and agree on its enterprise, year and revision. Each report's outcome lists its lines (the header is line 1). A file that cannot be read is refused whole (400). Re-importing a file books nothing twice.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        factors.MapGet("/", GetAsync).WithName("GetFactors")
            .WithSummary("Read apportionment factors")
            .WithDescription("Every factor report of the agreement, every revision (of one year with year=), with the ratios each sets for the year after. Not for the statistics bureau (403): the factors come from tax returns.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<FactorReportResult>, ProblemHttpResult>> ReportAsync(
        string id, FactorReportDocument? document, HttpContext http, FactorService factors, CancellationToken cancellationToken)
    {
        var outcome = await factors.ReportAsync(http.Office(), id, document, cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        var answer = outcome.Value;
        return TypedResults.Ok(new FactorReportResult(
            answer.Agreement.Id.Value,
            FiguresApi.StatusName(answer.Status),
            View(answer.Agreement, answer.Report)));
    }

    private static async Task<Results<Ok<FactorImportResponse>, ProblemHttpResult>> ImportAsync(
        string id, HttpContext http, FactorService factors, CancellationToken cancellationToken)
    {
        var (file, workbook, problem) = await ImportBody.ReadAsync(http.Request, "factors", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await factors.ImportAsync(http.Office(), id, file!, workbook ? Workbook.Rows : bytes => CsvTable.Read(CsvDecoding.Decode(bytes)), cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        return TypedResults.Ok(new FactorImportResponse(id, [
            .. outcome.Value.Select(r => new FactorImportResult(
                r.Lines,
                r.ReportId,
                FiguresApi.StatusName(r.Status),
                r.Refusal is null ? null : RejectionProblems.ToProblem(r.Refusal, "The report is invalid."))),
        ]));
    }

    private static async Task<Results<Ok<AgreementFactorsResponse>, ProblemHttpResult>> GetAsync(
        string id, string? year, HttpContext http, FactorService factors, CancellationToken cancellationToken)
    {
        var outcome = await factors.GetAsync(http.Office(), id, year, cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            return RejectionProblems.ToResult(refusal);
        }

        var answer = outcome.Value;
        return TypedResults.Ok(new AgreementFactorsResponse(answer.Agreement.Id.Value, [.. answer.Reports.Select(r => View(answer.Agreement, r))]));
    }

    private static FactorReportView View(AgreementState agreement, FactorReport report)
    {
        var enterprise = agreement.Terms.Enterprises.Single(e => e.Id == report.Enterprise);
        var parties = agreement.Rules.Parties;
        return new FactorReportView(
            report.ReportId,
            report.Enterprise.Value,
            report.Year,
            report.Revision,
            agreement.Rules.IsCurrent(report),
            report.Factors.ToDictionary(f => f.District.Value, f => FactorsView.Amounts(f.Factors, FactorReportReader.FactorScale)),
            [
                .. agreement.Rules.RatiosSetBy(report, enterprise).Select(set => new FormulaRatiosView(
                    [.. set.Term.Indicators.Select(i => i.Code)],
                    report.Year + 1,
                    parties.Select((p, k) => (p.District.Value, Amounts.FormatPercent(set.Ratios[k]))).ToDictionary(r => r.Item1, r => r.Item2))),
            ]);
    }
}
