namespace RevenueShare.Server.Presentation;

/// <summary>
/// A table as a page shows it and as it downloads: the page renders exactly these rows, and its CSV
/// and Excel exports write the same headers and cells, so what an office reads and what it files are
/// the same numbers. Names come before codes, and codes keep columns of their own for machines.
/// <see cref="Name"/> names the export file; <see cref="Caption"/> titles the table.
/// </summary>
public sealed record Table(string Name, string Caption, IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    public IReadOnlyList<string> Headers => [.. Columns.Select(c => c.Header)];

    /// <summary>Whether the page offers the table as a download: not for the outcome of a one-off act, which no link can fetch again.</summary>
    public bool Exportable { get; init; } = true;
}
