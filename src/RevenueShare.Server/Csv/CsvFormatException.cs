namespace RevenueShare.Server.Csv;

/// <summary>
/// A figures file that cannot be read as text or as CSV: the line where reading stopped (the header is
/// line 1), the column (the field's number in its record) where the reader knows it, and what is wrong.
/// The message never holds the record's text: figures and enterprise names are tax and statistics
/// secrets, and a message goes where answers and logs go.
/// </summary>
public sealed class CsvFormatException(int line, int? column, string fault)
    : FormatException(column is { } c ? $"Line {line}, column {c}: {fault}" : $"Line {line}: {fault}")
{
    public int Line { get; } = line;

    public int? Column { get; } = column;
}
