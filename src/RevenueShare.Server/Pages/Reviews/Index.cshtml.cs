using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RevenueShare.Domain;
using RevenueShare.Domain.Reference;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Reviews;

/// <summary>The review queue of the tax office or the statistics bureau: agreement × month × status, filterable by status and month.</summary>
public sealed class IndexModel(ReviewService reviews) : PageModel
{
    /// <summary>The status filtered on: <c>pending</c> (待审核, the default), <c>approved</c>, <c>disputed</c>, <c>reopened</c> or <c>all</c>.</summary>
    public string Status { get; private set; } = "pending";

    public string? Month { get; private set; }

    public Table Queue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? status, string? month, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(status, month, cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? status, string? month, string? format, CancellationToken cancellationToken) =>
        await LoadAsync(status, month, cancellationToken) && TableExport.File(Queue, format) is { } file ? file : NotFound();

    private async Task<bool> LoadAsync(string? status, string? month, CancellationToken cancellationToken)
    {
        var office = HttpContext.Office();
        if (office.Kind is not (PrincipalKind.Tax or PrincipalKind.Statistics))
        {
            return false;
        }

        Status = status is "approved" or "disputed" or "reopened" or "all" ? status : "pending";
        Month = Months.TryParse(month, out var parsed, out _) ? Months.Format(parsed) : null;
        var queue = (await reviews.QueueAsync(office, cancellationToken))
            .Where(q => Status == "all" || (q.Status is null ? "pending" : q.Status.Value.ToString().ToLowerInvariant()) == Status)
            .Where(q => Month is null || q.Month == parsed);
        Queue = new Table(
            "review-queue",
            "审核队列",
            [Column.Code("协议编号"), new("协议名称"), new("月份"), new("类别"), new("状态"), Column.Link("办理")],
            [
                .. queue.Select(q => (IReadOnlyList<string?>)
                [
                    q.Agreement.Value, q.Title, Display.Month(q.Month), Words.Family(q.Family), Words.Review(q.Status),
                    $"/agreements/{q.Agreement.Value}/months/{Months.Format(q.Month)}",
                ]),
            ]);
        return true;
    }
}
