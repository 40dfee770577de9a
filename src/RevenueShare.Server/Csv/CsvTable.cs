using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace RevenueShare.Server.Csv;

/// <summary>
/// RFC 4180 text both ways, through CsvHelper. Written as Excel in China opens it without asking:
/// UTF-8 with a BOM, CRLF line ends, a field quoted only when it must be, and every cell guarded against
/// formula injection (<see cref="SpreadsheetCell"/>). Read with the line number where each record
/// starts (the header is line 1); quoted fields may span lines, blank lines are skipped, and malformed
/// quoting or a NUL refuses the file with its line and column (<see cref="CsvFormatException"/>).
/// </summary>
public static class CsvTable
{
    private const string Nul = "the field holds a NUL character, as binary files and UTF-16 text do; save the file from Excel as \"CSV UTF-8\" or \"CSV\".";

    private static readonly CsvConfiguration Writing = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = false,
        NewLine = "\r\n",
    };

    /// <summary>A file for people to open in a spreadsheet: every cell that would start a formula is neutralised.</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        Write(header, rows, neutralise: true);

    /// <summary>
    /// The fields exactly as given, for a program that reads them back as data (<c>revshare import</c> sends a
    /// file's own fields to the server): nothing is neutralised, so this is never a file for a person.
    /// </summary>
    public static byte[] WriteVerbatim(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        Write(header, rows, neutralise: false);

    /// <summary>Records with the line each starts on; throws <see cref="CsvFormatException"/> on malformed quoting or a NUL.</summary>
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Read(string text)
    {
        string? badQuoting = null;
        var reading = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            // Blank lines come back as records of one empty field and are skipped below, so that the parser's
            // RawRow (the lines read so far) tells where the next record starts.
            IgnoreBlankLines = false,
            DetectColumnCountChanges = false,
            // No NewLine here: left unset, the parser accepts CRLF, LF and CR alike, as files from any editor have.
            BadDataFound = args => badQuoting ??= QuotingFault(args.Field),
            // The library's messages would otherwise carry the raw record into whatever logs them.
            ExceptionMessagesContainRawData = false,
        };

        var records = new List<(int, IReadOnlyList<string>)>();
        using var parser = new CsvParser(new StringReader(text), reading);
        var line = 1;
        while (parser.Read())
        {
            var fields = new string[parser.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                // A field is parsed when it is read: bad quoting is found here, with its column.
                fields[i] = parser[i];
                if (badQuoting is not null)
                {
                    throw new CsvFormatException(line, i + 1, badQuoting);
                }

                if (fields[i].Contains('\0'))
                {
                    throw new CsvFormatException(line, i + 1, Nul);
                }
            }

            if (fields is not [""])
            {
                records.Add((line, fields));
            }

            line = parser.RawRow + 1;
        }

        return records;
    }

    private static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, bool neutralise)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, Writing))
        {
            foreach (var row in rows.Prepend(header))
            {
                foreach (var field in row)
                {
                    var text = field ?? string.Empty;
                    if (neutralise && SpreadsheetCell.Neutralised(text) is { } safe)
                    {
                        // OWASP: a neutralised cell is quoted too.
                        csv.WriteField(safe, shouldQuote: true);
                    }
                    else
                    {
                        csv.WriteField(text);
                    }
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>What is wrong with a field's quoting, told from its raw text, which itself is never shown.</summary>
    private static string QuotingFault(string field)
    {
        if (!field.StartsWith('"'))
        {
            return "a quote stands inside a field that does not start with one; quote the whole field and double the quotes inside it (\"ab\"\"c\").";
        }

        return field.Count(c => c == '"') % 2 == 1
            ? "a quoted field is never closed: its closing quote is missing."
            : "text follows the closing quote of a quoted field; double the quotes inside a quoted field (\"ab\"\"c\").";
    }
}
