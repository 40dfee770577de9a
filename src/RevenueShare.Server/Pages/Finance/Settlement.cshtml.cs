using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Domain.Settlement;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Finance;

/// <summary>
/// The year-end settlement between district treasuries (docs/settlement.md): the netted transfers drawn
/// as a Sankey (payer to receiver), each district's net position as bars of 上解 / 补助, and the
/// tables behind both. Finance sees the city's; a district the rows involving itself. Prints as a
/// document to be stamped.
/// </summary>
public sealed class SettlementModel(ReportService reports, ReferenceData reference, IClock clock) : PageModel
{
    public int Year { get; private set; }

    public YearEndSettlement? Settlement { get; private set; }

    public IReadOnlyList<Table> Tables { get; private set; } = [];

    public string FlowChart { get; private set; } = "{}";

    public string PositionChart { get; private set; } = "{}";

    public Refusal? Refused { get; private set; }

    public string PrintedOn { get; private set; } = string.Empty;

    public string OfficeName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        return Refused?.Code is RejectionCode.Forbidden ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetExportAsync(int? year, string? table, string? format, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        return TableExport.File(Tables, table, format) is { } file ? file : NotFound();
    }

    private async Task LoadAsync(int? year, CancellationToken cancellationToken)
    {
        var office = HttpContext.Office();
        var now = clock.GetCurrentInstant();
        OfficeName = OfficeNames.Of(office, reference);
        PrintedOn = Display.Date(now);
        Year = year ?? Months.Current(now).Year - 1;
        var outcome = await reports.SettlementAsync(office, Year, asOf: null, cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            Refused = refusal;
            return;
        }

        var settlement = Settlement = outcome.Value;
        string Amount(decimal amount) => Display.Amount(amount, settlement.Scale);
        string District(DistrictCode code) => Names.District(code, reference);
        var y = Year.ToString(CultureInfo.InvariantCulture);
        Tables =
        [
            new Table(
                $"settlement-{y}-transfers",
                "轧差划拨（元）",
                [new("付款区"), Column.Code("付款区划代码"), new("收款区"), Column.Code("收款区划代码"), Column.Amount("金额（元）")],
                [.. settlement.Transfers.Select(t => (IReadOnlyList<string?>)[District(t.From), t.From.Value, District(t.To), t.To.Value, Amount(t.Amount)])]),
            new Table(
                $"settlement-{y}-positions",
                "各区净头寸（元）",
                [new("区"), Column.Code("区划代码"), Column.Amount("净额（元）"), new("性质")],
                [.. settlement.Positions.Select(p => (IReadOnlyList<string?>)[District(p.District), p.District.Value, Amount(p.Net), Words.Position(p.Kind)])]),
            new Table(
                $"settlement-{y}-totals",
                "应付合计（轧差前，元）",
                [new("付款区"), Column.Code("付款区划代码"), new("收款区"), Column.Code("收款区划代码"), Column.Amount("金额（元）")],
                [.. settlement.Totals.Select(t => (IReadOnlyList<string?>)[District(t.From), t.From.Value, District(t.To), t.To.Value, Amount(t.Amount)])]),
            new Table(
                $"settlement-{y}-gross",
                "应付明细（分税种，元）",
                [new("付款区"), Column.Code("付款区划代码"), new("收款区"), Column.Code("收款区划代码"), new("税种"), Column.Code("指标代码"), Column.Amount("金额（元）")],
                [.. settlement.Gross.Select(g => (IReadOnlyList<string?>)[District(g.From), g.From.Value, District(g.To), g.To.Value, g.Indicator.Name, g.Indicator.Code, Display.Amount(g.Amount, g.Indicator)])]),
        ];

        // Payers and receivers as nodes of their own, so a district that pays one and receives from another draws no cycle.
        var flows = settlement.Transfers.Select(t => ("付 " + District(t.From), "收 " + District(t.To), t.Amount)).ToArray();
        var nodes = flows.Select(f => f.Item1).Concat(flows.Select(f => f.Item2)).Distinct().ToArray();
        FlowChart = ChartOptions.ToJson(ChartOptions.Sankey(nodes, flows));
        PositionChart = ChartOptions.ToJson(ChartOptions.StackedBars(
            "元",
            [.. settlement.Positions.Select(p => District(p.District))],
            [
                (NetPosition.Remittance, [.. settlement.Positions.Select(p => p.Net < 0 ? -p.Net : 0m)]),
                (NetPosition.Subsidy, [.. settlement.Positions.Select(p => p.Net > 0 ? p.Net : 0m)]),
            ]));
    }
}
