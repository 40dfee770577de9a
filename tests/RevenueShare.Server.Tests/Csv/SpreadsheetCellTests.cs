using RevenueShare.Server.Csv;

namespace RevenueShare.Server.Tests.Csv;

/// <summary>The one rule for exported cells: what would start a formula gets a single quote; numbers as the ledger writes them stay numbers.</summary>
public sealed class SpreadsheetCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"click\")", "'=HYPERLINK(\"http://x\",\"click\")")]
    [InlineData("=", "'=")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("+12", "'+12")] // the ledger never writes a plus sign, so no number starts with one
    [InlineData("-1+1", "'-1+1")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("-", "'-")]
    [InlineData("-.5", "'-.5")]
    [InlineData("-1.", "'-1.")]
    [InlineData("-1e5", "'-1e5")]
    [InlineData("-1,45", "'-1,45")] // not thousands as the pages write them
    [InlineData("-1451,10", "'-1451,10")]
    [InlineData("-12.50\n", "'-12.50\n")] // a number and more is not a number
    [InlineData("-١٢", "'-١٢")] // digits of another script
    [InlineData("-12.50", null)]
    [InlineData("-0", null)]
    [InlineData("-7", null)]
    [InlineData("-1,451.10", null)]
    [InlineData("-4,500,362.22", null)]
    [InlineData("12.50", null)]
    [InlineData("'=1+1", null)] // already text for the spreadsheet
    [InlineData("a=1", null)]
    [InlineData(" =1", null)]
    [InlineData("", null)]
    [InlineData("增值税", null)]
    public void A_cell_that_would_start_a_formula_is_neutralised_and_a_number_is_not(string text, string? written)
    {
        Assert.Equal(written, SpreadsheetCell.Neutralised(text));
    }
}
