using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;
using RevenueShare.Server.Csv;

namespace RevenueShare.Server.Presentation;

/// <summary>
/// A <see cref="Table"/> as a download: CSV (UTF-8 with a BOM, so Excel opens Chinese right) or an
/// Excel workbook written by MiniExcel (Apache-2.0, streaming, no native parts; chosen over the Open XML
/// SDK for its few lines per sheet). In the workbook an amount is a number cell, so offices can sum it, and
/// every text cell is guarded against formula injection as the CSV's are (<see cref="SpreadsheetCell"/>).
/// </summary>
public static class TableExport
{
    public const string CsvMediaType = "text/csv; charset=utf-8";

    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The file of <paramref name="table"/> in <paramref name="format"/> (<c>csv</c> or <c>xlsx</c>), or null for another format.</summary>
    public static FileContentResult? File(Table table, string? format) => format switch
    {
        "csv" => new FileContentResult(CsvTable.Write(table.Headers, table.Rows), CsvMediaType) { FileDownloadName = table.Name + ".csv" },
        "xlsx" => new FileContentResult(Workbook(table), XlsxMediaType) { FileDownloadName = table.Name + ".xlsx" },
        _ => null,
    };

    /// <summary>The file of the table named <paramref name="name"/> among a page's <paramref name="tables"/>, or null when there is none or the format is unknown.</summary>
    public static FileContentResult? File(IEnumerable<Table> tables, string? name, string? format) =>
        tables.FirstOrDefault(t => t.Name == name) is { } table ? File(table, format) : null;

    public static byte[] Workbook(Table table)
    {
        var rows = table.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var text = i < row.Count ? row[i] : null;
                cells[Text(table.Columns[i].Header)] = table.Columns[i].Kind == ColumnKind.Amount && decimal.TryParse(
                    text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount)
                    ? amount
                    : text is null ? null : Text(text);
            }

            return cells;
        });
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: SheetName(table.Caption));
        return stream.ToArray();
    }

    /// <summary>A text cell, guarded as every exported cell is (<see cref="SpreadsheetCell"/>).</summary>
    private static string Text(string text) => SpreadsheetCell.Neutralised(text) ?? text;

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    private static string SheetName(string caption)
    {
        var name = new string([.. caption.Where(c => "[]:*?/\\".IndexOf(c) < 0)]);
        return name.Length > 31 ? name[..31] : name.Length == 0 ? "Sheet1" : name;
    }
}
