using System.Globalization;
using System.IO.Compression;
using MiniExcelLibs;

namespace RevenueShare.Server.Csv;

/// <summary>
/// Reads the first sheet of an Excel workbook (.xlsx) as rows of text, numbered as Excel numbers them
/// (the header is row 1), the way <see cref="CsvTable.Read"/> reads a CSV file, so both imports take one
/// path. Read by MiniExcel (Apache-2.0, streaming).
/// </summary>
public static class Workbook
{
    /// <summary>
    /// The most a workbook may unpack to. A workbook is a zip: 16 MiB of upload can inflate to
    /// gigabytes of sheet XML (a zip bomb), so the sizes its entries declare are summed before anything
    /// is read — and .NET's zip reader never inflates an entry past the size it declares. Sheet XML
    /// packs about tenfold, so a real workbook within the upload limit unpacks to far less.
    /// </summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    /// <summary>The sheet's rows; throws <see cref="FormatException"/> when the bytes are not a workbook, or one that unpacks past <see cref="MaxUnpackedBytes"/>.</summary>
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Rows(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        RefuseOversized(file);
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

    private static void RefuseOversized(byte[] file)
    {
        long unpacked = 0;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new FormatException("The file is not an Excel workbook (.xlsx) that can be read.");
        }

        if (unpacked > MaxUnpackedBytes)
        {
            throw new FormatException(
                $"The workbook unpacks to {unpacked / (1024 * 1024)} MiB, more than the {MaxUnpackedBytes / (1024 * 1024)} MiB a figures workbook may: split it, or send it as CSV.");
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
