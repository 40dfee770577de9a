using System.Text;

namespace RevenueShare.Server.Csv;

/// <summary>
/// RFC 4180 text both ways. Written as Excel in China opens it without asking: UTF-8 with a BOM,
/// CRLF line ends, a field quoted when it holds a comma, a quote or a line break. Read with the line
/// number where each record starts (the header is line 1), quoted fields may span lines.
/// </summary>
public static class CsvTable
{
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        Append(text, header);
        foreach (var row in rows)
        {
            Append(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Records with the line each starts on; blank lines are skipped.</summary>
    public static IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Read(string text)
    {
        var records = new List<(int, IReadOnlyList<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    End();
                    line++;
                    start = line;
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        End();
        return records;

        void End()
        {
            if (any)
            {
                fields.Add(field.ToString());
                records.Add((start, fields.ToArray()));
            }

            fields.Clear();
            field.Clear();
            any = false;
        }
    }

    private static void Append(StringBuilder text, IReadOnlyList<string?> row)
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var value = row[i] ?? string.Empty;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(value);
            }
        }

        text.Append("\r\n");
    }
}
