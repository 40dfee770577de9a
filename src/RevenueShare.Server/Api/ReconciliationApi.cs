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
/// <c>GET /api/reconciliation?month=</c> (docs/reconciliation.md): the statistics bureau for statistical
/// indicators, finance for all. Reported is the sum of current figures; allocated the sum of entries
/// without double-count credits, so the two are equal by construction and a difference is a defect.
/// Review status per agreement and family: <c>none</c> until the reviewing office decides.
/// </summary>
public static class ReconciliationApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/reconciliation", GetAsync).WithTags("Reports").WithName("GetReconciliation");
    }

    private static async Task<Results<Ok<ReconciliationResponse>, FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string? month, string? format, HttpContext http, ReadModel reads, ReportQueries queries, ReferenceData reference, CancellationToken cancellationToken)
    {
        var office = http.Office();
        if (office.Kind is not (PrincipalKind.Statistics or PrincipalKind.Finance))
        {
            return Problems.Forbidden("Only the statistics bureau and the finance bureau reconcile.");
        }

        if (!Months.TryParse(month, out var period, out var error))
        {
            return Problems.BadField("month", month is null ? "month is required, as YYYY-MM." : error);
        }

        var families = Visibility.Families(office);
        var indicators = reference.Indicators.Where(i => Visibility.CanSee(office, i)).ToArray();
        var agreements = await reads.AgreementsAsync(null, cancellationToken);
        var figures = await queries.FigureTotalsAsync(period, period, cancellationToken);
        var entries = await queries.AllocationTotalsAsync(period, period, cancellationToken);

        var rows = new List<ReconciliationIndicator>();
        foreach (var indicator in indicators)
        {
            var scale = indicator.Scale;
            string F(long units) => Amounts.Format(AmountUnits.FromUnits(units, scale), scale);
            IReadOnlyDictionary<string, string> ByDistrict(IEnumerable<(string District, long Units)> parts) =>
                parts.GroupBy(p => p.District).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => F(g.Sum(p => p.Units)), StringComparer.Ordinal);

            var reported = figures.Where(f => f.Indicator == indicator.Code).ToArray();
            var allocated = entries.Where(e => e.Indicator == indicator.Code && !e.DoubleCount).ToArray();
            var credits = entries.Where(e => e.Indicator == indicator.Code && e.DoubleCount).ToArray();
            var reportedUnits = reported.Sum(f => f.Units);
            var allocatedUnits = allocated.Sum(e => e.Units);
            var districts = ByDistrict(allocated.Select(e => (e.District, e.Units)));
            var statistical = indicator.Family == IndicatorFamily.Statistics;
            rows.Add(new ReconciliationIndicator(
                indicator.Code,
                Family(indicator),
                F(reportedUnits),
                F(allocatedUnits),
                F(checked(reportedUnits - allocatedUnits)),
                districts,
                statistical ? ByDistrict(reported.Select(f => (f.Registered, f.Units))) : null,
                statistical ? districts : null,
                statistical ? ByDistrict(credits.Select(e => (e.District, e.Units))) : null));
        }

        var reviewed = (await reads.ReviewsAsync(null, period, cancellationToken))
            .ToDictionary(r => (r.Agreement, r.Family), r => r.Status);

        // Figures are booked only for an agreement's own enterprises (fixed once it leaves Draft), at
        // most one current figure each per indicator and month: as many figures as enterprises means
        // none is missing, and only an agreement short of some is read figure by figure.
        var counts = figures.GroupBy(f => (f.Agreement, f.Indicator)).ToDictionary(g => g.Key, g => g.Sum(f => f.Count));
        var missing = new List<MissingReport>();
        var reviews = new List<ReviewStatusView>();
        foreach (var agreement in agreements.Where(a => a.IsOpenFor(period)))
        {
            var covered = indicators.Where(i => agreement.Rules.TermFor(i.Code, period) is not null).ToArray();
            var enterprises = agreement.Rules.Enterprises.Length;
            if (covered.Any(i => counts.GetValueOrDefault((agreement.Id, i.Code)) < enterprises))
            {
                var reportedKeys = await queries.ReportedAsync(agreement.Id, period, cancellationToken);
                foreach (var enterprise in agreement.Rules.Enterprises.OrderBy(e => e.Id.ToString(), StringComparer.Ordinal))
                {
                    foreach (var indicator in covered.Where(i => !reportedKeys.Contains((enterprise.Id.ToString(), i.Code))))
                    {
                        missing.Add(new MissingReport(agreement.Id, enterprise.Id.ToString(), indicator.Code));
                    }
                }
            }

            foreach (var family in families.Where(f => covered.Any(i => Family(i) == f)))
            {
                reviews.Add(new ReviewStatusView(agreement.Id, family, reviewed.GetValueOrDefault((agreement.Id, family), "none")));
            }
        }

        var response = new ReconciliationResponse(Months.Format(period), rows, missing, reviews);
        return CsvAnswer.Wanted(http, format) ? Csv(response) : TypedResults.Ok(response);
    }

    public static string Family(Indicator indicator) => indicator.Family == IndicatorFamily.Tax ? "tax" : "statistics";

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
