using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace RevenueShare.Server.Csv;

/// <summary>
/// RFC 4180 text both ways, through CsvHelper. Written as Excel in China opens it without asking:
/// UTF-8 with a BOM, CRLF line ends, a field quoted only when it must be. Read with the line number
/// where each record starts (the header is line 1); quoted fields may span lines, blank lines are
/// skipped.
/// </summary>
public static class CsvTable
{
    private static readonly CsvConfiguration Writing = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = false,
        NewLine = "\r\n",
    };

    // No NewLine here: left unset, the parser accepts CRLF, LF and CR alike, as files from any editor have.
    private static readonly CsvConfiguration Reading = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = false,
        IgnoreBlankLines = true,
        DetectColumnCountChanges = false,
    };

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(text, Writing))
        {
            foreach (var row in rows.Prepend(header))
            {
                foreach (var field in row)
                {
                    csv.WriteField(field ?? string.Empty);
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Records with the line each starts on.</summary>
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Read(string text)
    {
        var records = new List<(int, IReadOnlyList<string>)>();
        using var parser = new CsvParser(new StringReader(text), Reading);
        while (parser.Read())
        {
            // RawRow is the line a record ends on; a quoted field may have carried it over line breaks.
            var raw = parser.RawRecord.TrimEnd('\r', '\n');
            var breaks = raw.Count(c => c == '\n');
            records.Add((parser.RawRow - breaks, parser.Record ?? []));
        }

        return records;
    }
}
