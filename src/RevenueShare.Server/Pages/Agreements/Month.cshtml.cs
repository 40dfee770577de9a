using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Agreements;

/// <summary>
/// One month of one agreement as its reviewing offices see it (docs/review.md): each visible family's
/// review status and decisions, the entries behind the month, and for tax or statistics the form to
/// confirm, dispute or reopen the month for its own family, through the <see cref="ReviewService"/>.
/// </summary>
public sealed class MonthModel(ReviewService reviews, ReportService reports, ReferenceData reference) : PageModel
{
    public string Id { get; private set; } = string.Empty;

    public YearMonth Month { get; private set; }

    public MonthReviews Reviews { get; private set; } = null!;

    public IReadOnlyList<Table> Entries { get; private set; } = [];

    /// <summary>The family the office reviews, null when it reviews none (a district, finance).</summary>
    public IndicatorFamily? Reviewing { get; private set; }

    public string? Done { get; private set; }

    public Refusal? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string month, string? done, CancellationToken cancellationToken)
    {
        Done = done;
        return await LoadAsync(id, month, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string id, string month, string? decision, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await reviews.ReviewAsync(HttpContext.Office(), id, month, decision, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), cancellationToken);
        if (!outcome.IsRefused(out var refusal))
        {
            return RedirectToPage(new { id, month, done = decision });
        }

        if (refusal.Code == RejectionCode.NotFound)
        {
            return NotFound();
        }

        Refused = refusal;
        return await LoadAsync(id, month, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetExportAsync(string id, string month, string? table, string? format, CancellationToken cancellationToken) =>
        await LoadAsync(id, month, cancellationToken) && TableExport.File(Entries, table, format) is { } file
            ? file
            : NotFound();

    private async Task<bool> LoadAsync(string id, string month, CancellationToken cancellationToken)
    {
        var office = HttpContext.Office();
        var found = await reviews.GetAsync(office, id, month, cancellationToken);
        if (found.IsRefused(out _))
        {
            return false;
        }

        Reviews = found.Value;
        Id = Reviews.Agreement.Value;
        Month = Reviews.Month;
        Reviewing = office.Kind switch
        {
            PrincipalKind.Tax => IndicatorFamily.Tax,
            PrincipalKind.Statistics => IndicatorFamily.Statistics,
            _ => null,
        };
        var text = Months.Format(Month);
        var entries = (await reports.AllocationsAsync(office, Id, null, null, text, text, asOf: null, cancellationToken)).Value;
        Entries =
        [
            .. Reviews.Families.Select(f =>
            {
                var unit = Words.Unit(f.Family, reference);
                return new Table(
                    $"entries-{Id}-{text}-{f.Family.WireName()}",
                    $"{Words.Family(f.Family)}分配明细（{unit}）",
                    [Column.Code("统一社会信用代码"), new("指标"), new("区"), Column.Amount($"金额（{unit}）"), new("类型"), Column.Amount("比例（%）"), Column.Code("报告编号")],
                    [
                        .. entries.Where(e => reference.Indicator(e.Indicator).Family == f.Family).Select(e => (IReadOnlyList<string?>)
                        [
                            e.Enterprise, Names.Indicator(e.Indicator, reference), Names.District(e.District, reference),
                            Display.Amount(e.Amount, reference.Indicator(e.Indicator)), Words.ChangeKind(e.Kind), e.Ratio, e.ByAmendment ? null : e.Cause,
                        ]),
                    ]);
            }),
        ];
        return true;
    }
}
