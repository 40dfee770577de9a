using System.Buffers;
using System.Text.RegularExpressions;

namespace RevenueShare.Server.Csv;

/// <summary>
/// The one guard against formula injection (OWASP "CSV injection") for every cell a person opens in a
/// spreadsheet: the API's CSV answers and the pages' CSV and workbook downloads (and so
/// <c>revshare export</c>, which writes the server's answer as it came). A spreadsheet reads a cell that
/// starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return as a formula, so such a
/// cell gets a single quote before it, and CSV quotes it. A number as the ledger writes one is left as it
/// is, so negative amounts stay numbers the offices can sum: the amount grammar <c>-?digits(.digits)?</c>
/// of the API (<c>-12.50</c>) and of the pages with thousands separators (<c>-1,451.10</c>). Digits, one
/// point and separators after a minus hold no name, reference or operator, so no formula (docs/decisions.md).
/// </summary>
public static partial class SpreadsheetCell
{
    /// <summary>Marks a cell as text for the spreadsheet, as OWASP recommends.</summary>
    private const char TextPrefix = '\'';

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>The text to write in place of <paramref name="text"/>, or null when it is safe as it is.</summary>
    public static string? Neutralised(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) && !Number().IsMatch(text) ? TextPrefix + text : null;

    [GeneratedRegex(@"^-?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
