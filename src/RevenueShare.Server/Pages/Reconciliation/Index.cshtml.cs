using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Reconciliation;

/// <summary>
/// The reconciliation of a month (docs/reconciliation.md): reported against allocated per indicator, the
/// published (在地) and assessment (考核) views per district with the double-count credits apart, the
/// missing reports, and each agreement's review of the month with a link to review it. The statistics
/// bureau sees its indicators, finance all.
/// </summary>
public sealed class IndexModel(ReportService reports, ReferenceData reference, IClock clock) : PageModel
{
    public string Month { get; private set; } = string.Empty;

    public Domain.Reports.Reconciliation? Reconciliation { get; private set; }

    public IReadOnlyList<Table> Tables { get; private set; } = [];

    public IReadOnlyList<(string Id, string Option, string Caption)> Charts { get; private set; } = [];

    public Refusal? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? month, CancellationToken cancellationToken)
    {
        await LoadAsync(month, cancellationToken);
        return Refused?.Code is RejectionCode.Forbidden ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? month, string? table, string? format, CancellationToken cancellationToken)
    {
        await LoadAsync(month, cancellationToken);
        return TableExport.File(Tables, table, format) is { } file ? file : NotFound();
    }

    private async Task LoadAsync(string? month, CancellationToken cancellationToken)
    {
        Month = string.IsNullOrWhiteSpace(month) ? Months.Format(Months.Current(clock.GetCurrentInstant()).PlusMonths(-1)) : month.Trim();
        var outcome = await reports.ReconciliationAsync(HttpContext.Office(), Month, asOf: null, cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            Refused = refusal;
            return;
        }

        var reconciliation = Reconciliation = outcome.Value;
        var tables = new List<Table>();
        var charts = new List<(string, string, string)>();
        foreach (var family in new[] { IndicatorFamily.Tax, IndicatorFamily.Statistics })
        {
            var lines = reconciliation.Indicators.Where(l => l.Indicator.Family == family).ToArray();
            if (lines.Length == 0)
            {
                continue;
            }

            var unit = Words.Unit(family, reference);
            tables.Add(Totals(family, unit, lines));
            tables.Add(ByDistrict(family, unit, lines));
            charts.Add((
                $"reconciliation-{family.WireName()}",
                ChartOptions.ToJson(ChartOptions.Bars(
                    unit,
                    [.. lines.Select(l => l.Indicator.Name)],
                    [("上报合计", [.. lines.Select(l => l.Reported)]), ("分配合计", [.. lines.Select(l => l.Allocated)])])),
                $"{Words.Family(family)}：上报与分配（{unit}）"));
        }

        tables.Add(new Table(
            $"reconciliation-{Month}-missing",
            "缺报",
            [Column.Code("协议编号"), Column.Code("统一社会信用代码"), new("指标"), Column.Code("指标代码")],
            [.. reconciliation.Missing.Select(m => (IReadOnlyList<string?>)[m.Agreement.Value, m.Enterprise.ToString(), m.Indicator.Name, m.Indicator.Code])]));
        Tables = tables;
        Charts = charts;
    }

    private Table Totals(IndicatorFamily family, string unit, IReadOnlyList<IndicatorReconciliation> lines) => new(
        $"reconciliation-{Month}-{family.WireName()}",
        $"{Words.Family(family)}指标核对（{unit}）",
        [new("指标"), Column.Code("指标代码"), Column.Amount($"上报合计（{unit}）"), Column.Amount($"分配合计（{unit}）"), Column.Amount($"差额（{unit}）")],
        [
            .. lines.Select(l => (IReadOnlyList<string?>)
            [
                l.Indicator.Name, l.Indicator.Code, Display.Amount(l.Reported, l.Indicator), Display.Amount(l.Allocated, l.Indicator), Display.Amount(l.Difference, l.Indicator),
            ]),
        ]);

    /// <summary>Per district: the allocation (for statistics the assessment view) beside the published view and the double-count credits, which no total includes.</summary>
    private Table ByDistrict(IndicatorFamily family, string unit, IReadOnlyList<IndicatorReconciliation> lines)
    {
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var l in lines)
        {
            var districts = l.Districts.Keys.Concat(l.Published?.Keys ?? []).Concat(l.DoubleCount?.Keys ?? []).Distinct().Order();
            foreach (var d in districts)
            {
                string? At(IReadOnlyDictionary<DistrictCode, decimal>? view) => view is null ? null : Display.Amount(view.GetValueOrDefault(d), l.Indicator);
                rows.Add([l.Indicator.Name, l.Indicator.Code, Names.District(d, reference), d.Value, At(l.Districts), At(l.Published), At(l.DoubleCount)]);
            }
        }

        return new Table(
            $"reconciliation-{Month}-{family.WireName()}-districts",
            family == IndicatorFamily.Tax ? $"税收分配按区（{unit}）" : $"统计按区：考核口径与在地口径（{unit}）",
            [
                new("指标"), Column.Code("指标代码"), new("区"), Column.Code("区划代码"),
                Column.Amount(family == IndicatorFamily.Tax ? $"分配（{unit}）" : $"考核口径（{unit}）"),
                Column.Amount($"在地口径（{unit}）"), Column.Amount($"全额双核算，不计入合计（{unit}）"),
            ],
            rows);
    }
}
