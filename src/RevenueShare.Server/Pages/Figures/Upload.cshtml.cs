using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RevenueShare.Domain.Agreements;
using RevenueShare.Server.Identity;
using RevenueShare.Server.Presentation;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Pages.Figures;

/// <summary>
/// Upload of figures by the tax office or the statistics bureau, as a CSV file or an Excel workbook with
/// the import's columns (docs/interfaces.md, CSV figures), through the <see cref="FigureService"/>: every
/// line's outcome with its line number — booked, duplicate, or rejected with the reason.
/// </summary>
[RequestSizeLimit(FigureService.MaxImportBytes + (64 * 1024))]
public sealed class UploadModel(FigureService figures) : PageModel
{
    public Table? Outcomes { get; private set; }

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public string? FileName { get; private set; }

    public Refusal? Refused { get; private set; }

    public IActionResult OnGet() => FigureService.MayReport(HttpContext.Office()) is null ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var office = HttpContext.Office();
        if (FigureService.MayReport(office) is not null)
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            Refused = Refusal.BadField("$", "请选择要上传的 CSV 或 Excel 文件。");
            return Page();
        }

        if (file.Length > FigureService.MaxImportBytes)
        {
            Refused = FigureService.TooLarge();
            return Page();
        }

        FileName = Path.GetFileName(file.FileName);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var outcome = FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? await figures.ImportXlsxAsync(office, buffer.ToArray(), cancellationToken)
            : await figures.ImportCsvAsync(office, buffer.ToArray(), cancellationToken);
        if (outcome.IsRefused(out var refusal))
        {
            Refused = refusal;
            return Page();
        }

        var lines = outcome.Value;
        Counts = lines.GroupBy(l => Result(l.Outcome.Status)).ToDictionary(g => g.Key, g => g.Count());
        Outcomes = new Table(
            "upload-outcomes",
            "逐行结果",
            [Column.Amount("行号"), Column.Code("报告编号"), new("结果"), Column.Code("协议编号"), new("原因")],
            [
                .. lines.Select(l => (IReadOnlyList<string?>)
                [
                    l.Line.ToString(CultureInfo.InvariantCulture), l.Outcome.ReportId, Result(l.Outcome.Status), l.Outcome.Agreement?.Value,
                    l.Outcome.Refusal is { } r ? string.Join("；", r.Problems.IsEmpty ? [r.Detail] : r.Problems.Select(p => p.Message)) : null,
                ]),
            ])
        {
            Exportable = false,
        };
        return Page();
    }

    private static string Result(ReportStatus status) => status switch
    {
        ReportStatus.Booked => "已记账",
        ReportStatus.Duplicate => "重复（已记过）",
        _ => "拒绝",
    };
}
