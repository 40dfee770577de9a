namespace RevenueShare.Server.Services;

/// <summary>
/// An imported file (figures, factors) read into its lines under a header whose columns are named by
/// their English or Chinese headers: the checks every import makes before its lines mean anything —
/// the size, the file's own form, a header on line 1 with every column, at least one line.
/// </summary>
public sealed class ImportedTable
{
    private readonly string?[] header;

    private ImportedTable(string?[] header, (int Line, IReadOnlyList<string> Fields)[] lines)
    {
        this.header = header;
        Lines = lines;
    }

    /// <summary>The lines after the header, each with its line number in the file (the header is line 1).</summary>
    public IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Lines { get; }

    /// <summary>
    /// The file's lines, or why the whole file is refused. <paramref name="columns"/> maps each header
    /// a file may use to the column it is, every one required but those in <paramref name="optional"/>;
    /// <paramref name="headerHint"/> and <paramref name="noLines"/> are the sentences for a file without
    /// its header or without a line under it.
    /// </summary>
    public static Outcome<ImportedTable> Read(
        byte[] file,
        Func<byte[], IReadOnlyList<(int Line, IReadOnlyList<string> Fields)>> read,
        IReadOnlyDictionary<string, string> columns,
        string headerHint,
        string noLines,
        IReadOnlySet<string>? optional = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(columns);
        if (file.Length > FigureService.MaxImportBytes)
        {
            return FigureService.TooLarge();
        }

        IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> records;
        try
        {
            records = read(file);
        }
        catch (FormatException e)
        {
            return Refusal.BadField("$", e.Message);
        }

        if (records.Count == 0 || records[0].Line != 1)
        {
            return Refusal.BadField("$", $"The file needs a header row on line 1: {headerHint}.");
        }

        var header = records[0].Fields.Select(h => columns.GetValueOrDefault(h.Trim().TrimStart('\uFEFF'))).ToArray();
        var absent = columns.Values.Distinct().Where(c => !header.Contains(c) && optional?.Contains(c) != true).ToArray();
        if (absent.Length > 0)
        {
            return Refusal.BadField("$", $"The header row lacks the column(s) {string.Join(", ", absent)}.");
        }

        var lines = records.Skip(1).ToArray();
        return lines.Length == 0 ? Refusal.BadField("$", noLines) : new ImportedTable(header, lines);
    }

    /// <summary>A line's field of <paramref name="column"/>, trimmed; null when the line stops before it or the file has no such column.</summary>
    public string? Text(IReadOnlyList<string> fields, string column)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var index = Array.IndexOf(header, column);
        return index >= 0 && index < fields.Count ? fields[index].Trim() : null;
    }
}
