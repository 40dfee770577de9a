using System.Globalization;
using MiniExcelLibs;

namespace RevenueShare.Server.Csv;

/// <summary>
/// Reads the first sheet of an Excel workbook (.xlsx) as rows of text, numbered as Excel numbers them
/// (the header is row 1), the way <see cref="CsvTable.Read"/> reads a CSV file, so both imports take one
/// path. Read by MiniExcel (Apache-2.0, streaming).
/// </summary>
public static class Workbook
{
    /// <summary>The sheet's rows; throws <see cref="FormatException"/> when the bytes are not a workbook.</summary>
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Rows(byte[] file)
    {
        try
        {
            using var stream = new MemoryStream(file);
            var rows = new List<(int, IReadOnlyList<string>)>();
            var line = 0;
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false))
            {
                line++;
                var fields = row.Values.Select(Text).ToArray();
                if (fields.Any(f => f.Length > 0))
                {
                    rows.Add((line, fields));
                }
            }

            return rows;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the library throws on these bytes is a fault of the file: a zip without a sheet, a sheet that is
            // not XML, a cell it cannot place. Its message may quote a cell, so it is not passed on.
            throw new FormatException("The file is not an Excel workbook (.xlsx) that can be read.");
        }
    }

    /// <summary>
    /// A cell as text. Excel keeps every number as a binary double, so a number cell arrives as one; its
    /// shortest round-trip text is the number Excel shows, and the amount is parsed from that text as
    /// every other amount is, exactly, by its indicator's scale.
    /// </summary>
    private static string Text(object? cell) => cell switch
    {
        null => string.Empty,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };
}
