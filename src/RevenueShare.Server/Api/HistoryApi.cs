using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Api;

/// <summary>
/// <c>/api/agreements/{id}/enterprises/{enterprise}/history</c> and <c>…/certify</c> (docs/allocation.md,
/// history and derived amounts; docs/interfaces.md, Routes): an enterprise's history figures and the
/// caps and baselines derived from them, and their certification. The work is the
/// <see cref="HistoryService"/>'s; here the HTTP shapes.
/// </summary>
public static class HistoryApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var enterprise = api.MapGroup("/agreements/{id}/enterprises/{enterprise}").WithTags("History");
        enterprise.MapGet("/history", GetAsync).WithName("GetHistory")
            .WithSummary("Read an enterprise's history (历史数据)")
            .WithDescription("The months history is taken for, every history report (every revision) of the families the caller sees, and each cap or baseline derived from that history: its window, and once certified its amount, who certified it and when, and the figures (months and reportIds) it was computed from.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        enterprise.MapPost("/certify", CertifyAsync).WithName("CertifyHistory")
            .WithSummary("Certify an enterprise's history (核定历史数据)")
            .WithDescription("The tax office or the statistics bureau certifies the enterprise's history of its family's indicators that a derived cap or baseline needs (all of them, or those listed in indicators), while the agreement awaits countersignature or approval. Refused with 409 history-incomplete, listing the months missing, unless every month of the derivation window has a figure. The amounts whose history is then all certified are computed and frozen: a later restatement of the history is recorded and changes nothing. Naming an indicator of the other family is 403.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<EnterpriseHistoryResponse>, ProblemHttpResult>> GetAsync(
        string id, string enterprise, HttpContext http, HistoryService history, CancellationToken cancellationToken)
    {
        var outcome = await history.GetAsync(http.Office(), id, enterprise, cancellationToken);
        return outcome.IsRefused(out var refusal) ? RejectionProblems.ToResult(refusal) : TypedResults.Ok(View(outcome.Value));
    }

    private static async Task<Results<Ok<EnterpriseHistoryResponse>, ProblemHttpResult>> CertifyAsync(
        string id,
        string enterprise,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CertifyRequest? body,
        HttpContext http,
        HistoryService history,
        CancellationToken cancellationToken)
    {
        var outcome = await history.CertifyAsync(http.Office(), id, enterprise, body, cancellationToken);
        return outcome.IsRefused(out var refusal) ? RejectionProblems.ToResult(refusal) : TypedResults.Ok(View(outcome.Value));
    }

    /// <summary>The history as the API answers it; the pages show the same.</summary>
    public static EnterpriseHistoryResponse View(EnterpriseHistory history)
    {
        var state = history.Agreement;
        var enterprise = history.Enterprise;
        var period = Domain.History.HistoryPeriod.Of(state.Terms);
        HistoryFigureView Figure(Domain.Figures.FigureReport r) => new(
            r.ReportId,
            r.Indicator.Code,
            Months.Format(r.Month),
            Amounts.Format(r.Amount, r.Indicator.Scale),
            r.Revision,
            state.CurrentHistory.TryGetValue((r.Enterprise, r.Indicator, r.Month), out var current) && current.ReportId == r.ReportId);

        var derived = history.Amounts.Select(a =>
        {
            var window = a.Window;
            // The certification that made the amount known: the last of those of its indicators.
            var certification = a.Certified ? a.Indicators.Select(i => state.Certified[(enterprise.Id, i)]).MaxBy(c => c.At) : null;
            var amount = a.Baseline is { } baseline
                ? enterprise.Baselines.TryGetValue(baseline, out var b) ? Amounts.Format(b, baseline.Scale) : null
                : a.Certified ? Amounts.Format(enterprise.Cap!.Amount, a.Indicators.Max(i => i.Scale)) : null;
            var months = window.Months.ToHashSet();
            var sources = a.Certified
                ? a.Indicators
                    .SelectMany(i => state.Certified[(enterprise.Id, i)].History.Single(h => h.Indicator == i).Figures)
                    .Where(f => months.Contains(f.Month))
                    .Select(Figure)
                    .ToList()
                : null;
            return new DerivedAmountView(
                a.Baseline is null ? "cap" : "baseline",
                [.. a.Indicators.Select(i => i.Code)],
                window.Years,
                Months.Format(new YearMonth(window.FirstYear, 1)),
                Months.Format(new YearMonth(window.FirstYear + window.Years - 1, 12)),
                a.Certified,
                amount,
                certification?.By.ToString(),
                certification?.At,
                sources);
        });
        return new EnterpriseHistoryResponse(
            state.Id.Value,
            enterprise.Id.Value,
            enterprise.Name,
            Months.Format(period.From),
            Months.Format(period.To),
            [.. history.Reports.Select(Figure)],
            [.. derived]);
    }
}
