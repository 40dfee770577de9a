namespace RevenueShare.Server.Presentation;

/// <summary>One column of a <see cref="Table"/>: its Chinese header (with the unit of an amount) and how its cells show.</summary>
public sealed record Column(string Header, ColumnKind Kind = ColumnKind.Text)
{
    public static Column Code(string header) => new(header, ColumnKind.Code);

    public static Column Amount(string header) => new(header, ColumnKind.Amount);

    public static Column Link(string header) => new(header, ColumnKind.Link);
}
