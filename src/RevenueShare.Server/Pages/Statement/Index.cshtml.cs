using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Reports;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Statement;

/// <summary>
/// A district's statement for a range of months (docs/statement.md): per indicator what its registered
/// enterprises reported, what it transferred out and received, and its net share; one table and one
/// chart of its share per indicator and month for each family. A district sees its own; finance
/// chooses the district. Prints as a document to be stamped.
/// </summary>
public sealed class IndexModel(ReportService reports, ReferenceData reference, IClock clock) : PageModel
{
    public string District { get; private set; } = string.Empty;

    public string From { get; private set; } = string.Empty;

    public string To { get; private set; } = string.Empty;

    public bool MayChooseDistrict { get; private set; }

    public DistrictStatement? Statement { get; private set; }

    public IReadOnlyList<Table> Tables { get; private set; } = [];

    /// <summary>Per family: the chart's element id, its ECharts option, and the table of its numbers.</summary>
    public IReadOnlyList<(string Id, string Option, Table Numbers)> Charts { get; private set; } = [];

    public Refusal? Refused { get; private set; }

    public string PrintedOn { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string? district, string? from, string? to, CancellationToken cancellationToken)
    {
        await LoadAsync(district, from, to, cancellationToken);
        return Refused?.Code is RejectionCode.NotFound or RejectionCode.Forbidden ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? district, string? from, string? to, string? table, string? format, CancellationToken cancellationToken)
    {
        await LoadAsync(district, from, to, cancellationToken);
        return TableExport.File(Tables.Concat(Charts.Select(c => c.Numbers)), table, format) is { } file ? file : NotFound();
    }

    private async Task LoadAsync(string? district, string? from, string? to, CancellationToken cancellationToken)
    {
        var office = HttpContext.Office();
        var now = clock.GetCurrentInstant();
        var year = Months.Current(now).PlusMonths(-1).Year;
        MayChooseDistrict = office.Kind == PrincipalKind.Finance;
        District = office.Kind == PrincipalKind.District ? office.District!.Value.Value : district ?? reference.Districts[0].Code;
        From = string.IsNullOrWhiteSpace(from) ? Months.Format(new YearMonth(year, 1)) : from.Trim();
        To = string.IsNullOrWhiteSpace(to) ? Months.Format(new YearMonth(year, 12)) : to.Trim();
        PrintedOn = Display.Date(now);

        var statement = await reports.StatementByMonthAsync(office, District, From, To, cancellationToken);
        if (statement.IsRefused(out var refusal))
        {
            Refused = refusal;
            return;
        }

        (Statement, var months) = statement.Value;
        var families = new[] { IndicatorFamily.Tax, IndicatorFamily.Statistics };
        Tables = [.. families.Select(f => StatementTable(f, Statement))];
        Charts = [.. families.Select(f => ShareChart(f, months))];
    }

    private Table StatementTable(IndicatorFamily family, DistrictStatement statement)
    {
        var unit = UnitOf(family);
        return new Table(
            $"statement-{District}-{family.WireName()}-{From}-{To}",
            $"{Words.Family(family)}（{unit}）",
            [
                new("指标"), Column.Code("指标代码"), Column.Amount($"本区登记企业（{unit}）"), Column.Amount($"转出（{unit}）"),
                Column.Amount($"转入（{unit}）"), Column.Amount($"本区所得（{unit}）"), Column.Amount($"双核算，不计入（{unit}）"),
            ],
            [
                .. statement.Indicators.Where(l => l.Indicator.Family == family).Select(l => (IReadOnlyList<string?>)
                [
                    l.Indicator.Name, l.Indicator.Code, Display.Amount(l.Registered, l.Indicator), Display.Amount(l.TransferredOut, l.Indicator),
                    Display.Amount(l.Received, l.Indicator), Display.Amount(l.Net, l.Indicator), Display.Amount(l.DoubleCount, l.Indicator),
                ]),
            ]);
    }

    private (string Id, string Option, Table Numbers) ShareChart(IndicatorFamily family, IReadOnlyList<DistrictStatement> months)
    {
        var unit = UnitOf(family);
        var indicators = reference.Indicators.Where(i => i.Family == family).ToArray();
        var labels = months.Select(m => Display.Month(m.From)).ToArray();
        var series = indicators
            .Select(i => (i.Name, (IReadOnlyList<decimal>)[.. months.Select(m => m.Indicators.Single(l => l.Indicator.Code == i.Code).Net)]))
            .ToArray();
        var numbers = new Table(
            $"statement-{District}-{family.WireName()}-by-month-{From}-{To}",
            $"{Words.Family(family)}本区所得按月（{unit}）",
            [new("月份"), .. indicators.Select(i => Column.Amount($"{i.Name}（{unit}）"))],
            [
                .. months.Select((m, k) => (IReadOnlyList<string?>)
                [
                    labels[k], .. indicators.Select(i => Display.Amount(m.Indicators.Single(l => l.Indicator.Code == i.Code).Net, i)),
                ]),
            ]);
        return ($"share-{family.WireName()}", ChartOptions.ToJson(ChartOptions.StackedBars(unit, labels, series)), numbers);
    }

    private string UnitOf(IndicatorFamily family) => Words.Unit(family, reference);
}
