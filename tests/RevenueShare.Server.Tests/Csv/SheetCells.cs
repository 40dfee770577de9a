using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace RevenueShare.Server.Tests.Csv;

/// <summary>One cell of a saved workbook as its engine stored it: the text it shows, whether it is a number, and its formula if it has one.</summary>
internal sealed record SheetCell(string Text, bool IsNumber, string? Formula);

/// <summary>
/// The first sheet of an .xlsx as stored (SpreadsheetML, read with LINQ to XML): MiniExcel reads a formula's
/// cached value as if it were the cell's content, so whether a cell holds a formula is read from the XML.
/// </summary>
internal static class SheetCells
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static IReadOnlyList<IReadOnlyList<SheetCell>> Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        XDocument Part(string name)
        {
            using var stream = zip.GetEntry(name)!.Open();
            return XDocument.Load(stream);
        }

        var shared = zip.GetEntry("xl/sharedStrings.xml") is null
            ? []
            : Part("xl/sharedStrings.xml").Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToArray();
        return
        [
            .. Part("xl/worksheets/sheet1.xml").Descendants(Main + "row").Select(row =>
            {
                var cells = new List<SheetCell>();
                foreach (var c in row.Elements(Main + "c"))
                {
                    while (cells.Count < Column((string)c.Attribute("r")!))
                    {
                        cells.Add(new SheetCell(string.Empty, false, null));
                    }

                    var value = (string?)c.Element(Main + "v") ?? string.Empty;
                    var type = (string?)c.Attribute("t") ?? "n";
                    var text = type switch
                    {
                        "s" => shared[int.Parse(value, CultureInfo.InvariantCulture)],
                        "inlineStr" => string.Concat(c.Descendants(Main + "t").Select(t => t.Value)),
                        _ => value,
                    };
                    cells.Add(new SheetCell(text, type == "n", (string?)c.Element(Main + "f")));
                }

                return (IReadOnlyList<SheetCell>)cells;
            }),
        ];
    }

    /// <summary>The zero-based column of a cell reference: A1 → 0, AB7 → 27.</summary>
    private static int Column(string reference)
    {
        var column = 0;
        foreach (var letter in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            column = (column * 26) + (letter - 'A' + 1);
        }

        return column - 1;
    }
}
