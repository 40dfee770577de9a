using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Allocations;

/// <summary>
/// Allocation and adjustment entries with each entry's explanation (ratio, base part, shared part, cap
/// remaining before and after, the cause of an adjustment), one table per family so 元 and 万元 never
/// share a column. Filters as the API's; a district sees its own agreements.
/// </summary>
public sealed class IndexModel(ReportService reports, AgreementService agreements, ReferenceData reference, IClock clock) : PageModel
{
    public string? Agreement { get; private set; }

    /// <summary>The district whose parts are listed, for an office that is not a district (a district sees its agreements' entries).</summary>
    public string? District { get; private set; }

    public string From { get; private set; } = string.Empty;

    public string To { get; private set; } = string.Empty;

    /// <summary>Whether the office chooses a district (the city's offices do; a district reads its own agreements).</summary>
    public bool MayChooseDistrict { get; private set; }

    public IReadOnlyList<Table> Tables { get; private set; } = [];

    public Refusal? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? agreement, string? district, string? from, string? to, CancellationToken cancellationToken)
    {
        await LoadAsync(agreement, district, from, to, cancellationToken);
        return Refused?.Code == Domain.Agreements.RejectionCode.NotFound ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? agreement, string? district, string? from, string? to, string? table, string? format, CancellationToken cancellationToken)
    {
        await LoadAsync(agreement, district, from, to, cancellationToken);
        return TableExport.File(Tables, table, format) is { } file ? file : NotFound();
    }

    private async Task LoadAsync(string? agreement, string? district, string? from, string? to, CancellationToken cancellationToken)
    {
        var office = HttpContext.Office();
        MayChooseDistrict = office.Kind != Domain.PrincipalKind.District;

        // The city's offices read one district's parts at a time (the first of the catalogue unless
        // chosen), or one agreement's: a whole city-month is tens of thousands of entries, for an export.
        District = office.Kind == Domain.PrincipalKind.District ? null
            : !string.IsNullOrWhiteSpace(district) ? district.Trim()
            : string.IsNullOrWhiteSpace(agreement) ? reference.Districts[0].Code : null;

        // Without a choice, the last month that has ended (China time).
        var lastMonth = Months.Format(Months.Current(clock.GetCurrentInstant()).PlusMonths(-1));
        Agreement = string.IsNullOrWhiteSpace(agreement) ? null : agreement.Trim();
        From = string.IsNullOrWhiteSpace(from) ? lastMonth : from.Trim();
        To = string.IsNullOrWhiteSpace(to) ? From : to.Trim();
        var entries = await reports.AllocationsAsync(office, Agreement, District, null, From, To, asOf: null, cancellationToken);
        if (entries.IsRefused(out var refusal))
        {
            Refused = refusal;
            return;
        }

        var enterprises = (await agreements.ListAsync(office, cancellationToken))
            .SelectMany(a => a.Terms.Enterprises)
            .GroupBy(e => e.Id.Value)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        Tables =
        [
            .. Visibility.FamiliesOf(office)
                .Select(family => EntryTable(family, [.. entries.Value.Where(e => reference.Indicator(e.Indicator).Family == family)], enterprises)),
        ];
    }

    private Table EntryTable(IndicatorFamily family, IReadOnlyList<AllocationEntryRow> entries, IReadOnlyDictionary<string, string> enterprises)
    {
        var unit = Words.Unit(family, reference);
        return new Table(
            $"allocations-{family.WireName()}-{From}-{To}",
            $"{Words.Family(family)}分配明细（{unit}）",
            [
                Column.Code("协议编号"), new("企业名称"), Column.Code("统一社会信用代码"), new("指标"), Column.Code("指标代码"), new("月份"),
                new("区"), Column.Code("区划代码"), Column.Amount($"金额（{unit}）"), new("类型"), new("原因"), Column.Amount("比例（%）"),
                Column.Amount($"基数部分（{unit}）"), Column.Amount($"分成部分（{unit}）"), Column.Amount($"封顶剩余·前（{unit}）"),
                Column.Amount($"封顶剩余·后（{unit}）"), new("全额双核算"), new("记账时间"), new("记账机构"),
            ],
            new FormattedRows<AllocationEntryRow>(
                entries,
                e =>
                {
                    var indicator = reference.Indicator(e.Indicator);
                    return
                    [
                        e.Agreement, enterprises.GetValueOrDefault(e.Enterprise, string.Empty), e.Enterprise, indicator.Name, indicator.Code,
                        Display.Month(e.Month), Names.District(e.District, reference), e.District, Display.Amount(e.Amount, indicator),
                        Words.ChangeKind(e.Kind), Cause(e), e.Ratio, Stored(e.BasePart, indicator), Stored(e.SharedPart, indicator),
                        Stored(e.CapRemainingBefore, indicator), Stored(e.CapRemainingAfter, indicator), e.DoubleCount ? "是" : "否",
                        Display.Instant(e.BookedAt), Names.Office(e.BookedBy, reference),
                    ];
                }));
    }

    /// <summary>Why an adjustment was booked: an amendment taking effect, or a restated report.</summary>
    private static string Cause(AllocationEntryRow entry) =>
        entry.Kind == Domain.Allocation.AllocationChangeKinds.AllocationName ? $"报告 {entry.Cause}"
        : entry.ByAmendment ? $"变更 {entry.Cause["amendment ".Length..]} 生效"
        : $"报告 {entry.Cause} 更正后重算";

    /// <summary>An amount the read side stores as plain decimal text, shown with separators.</summary>
    private static string? Stored(string? amount, Indicator indicator) =>
        amount is null ? null : Display.Amount(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), indicator);
}
