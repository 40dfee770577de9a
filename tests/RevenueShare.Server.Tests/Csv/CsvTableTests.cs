using System.Text;
using RevenueShare.Server.Csv;

namespace RevenueShare.Server.Tests.Csv;

public sealed class CsvTableTests
{
    [Fact]
    public void Records_carry_the_line_they_start_on_through_quotes_blank_lines_and_line_breaks()
    {
        var records = CsvTable.Read("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\r\nlast,\r\n");
        Assert.Equal([1, 2, 4, 6], records.Select(r => r.Line));
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
        Assert.Equal(["last", ""], records[3].Fields);
    }

    [Fact]
    public void Lines_ended_by_a_lone_cr_count_as_lines_too()
    {
        var records = CsvTable.Read("a,b\r\rx,y\r\"q\rq\",w\rlast,z\r");
        Assert.Equal([1, 3, 4, 6], records.Select(r => r.Line));
        Assert.Equal(["q\rq", "w"], records[2].Fields);
    }

    [Theory]
    [InlineData("a,b\r\nok,1\r\nab\"c,2\r\n", 3, 1, "a quote stands inside a field that does not start with one")]
    [InlineData("a,b,c\r\nok,1,2\r\nx,\"never closed,2\r\ny,3,4\r\n", 3, 2, "a quoted field is never closed")]
    [InlineData("a,b,c\r\nok,1,2\r\nx,y,\"closed\"then\r\n", 3, 3, "text follows the closing quote")]
    [InlineData("a,b\r\n\"two\r\nlines\",1\r\n\r\nx,\"bad\"\"\r\n", 5, 2, "a quoted field is never closed")]
    [InlineData("a,b\r\nok,1\r\nx,y\0z\r\n", 3, 2, "NUL")]
    public void Malformed_quoting_or_a_nul_refuses_the_file_with_its_line_and_column(string text, int line, int column, string fault)
    {
        var refusal = Assert.Throws<CsvFormatException>(() => CsvTable.Read(text));

        Assert.Equal((line, column), (refusal.Line, refusal.Column));
        Assert.StartsWith($"Line {line}, column {column}: ", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(fault, refusal.Message, StringComparison.Ordinal);
        Assert.Null(refusal.InnerException);
    }

    [Fact]
    public void A_refusal_never_holds_the_records_text()
    {
        var refusal = Assert.Throws<CsvFormatException>(() => CsvTable.Read("a,b,c\r\n绝密企业,98765.43,ab\"c\r\n"));

        Assert.DoesNotContain("绝密企业", refusal.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("98765.43", refusal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Written_csv_has_a_bom_crlf_and_quotes_only_where_needed_and_reads_back()
    {
        var bytes = CsvTable.Write(["指标", "金额"], [["增值税, 地方", "1.00"], ["say \"hi\"", null]]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal("指标,金额\r\n\"增值税, 地方\",1.00\r\n\"say \"\"hi\"\"\",\r\n", text);
        Assert.Equal(["say \"hi\"", ""], CsvTable.Read(CsvDecoding.Decode(bytes))[2].Fields);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-8")]
    [InlineData("gb18030")]
    public void Each_encoding_excel_saves_decodes_to_the_same_text(string encoding)
    {
        const string text = "报告编号,企业名称\r\nr-1,广州示例智造有限公司\r\n";
        byte[] bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-8" => Encoding.UTF8.GetBytes(text),
            _ => CsvDecoding.Gb18030.GetBytes(text),
        };
        Assert.Equal(text, CsvDecoding.Decode(bytes));
    }

    [Fact]
    public void Written_cells_that_would_start_a_formula_are_quoted_after_a_single_quote_and_numbers_stay_numbers()
    {
        var bytes = CsvTable.Write(
            ["报告编号", "金额"],
            [["=HYPERLINK(\"http://x\",\"click\")", "-12.50"], ["+1+1", "-1,451.10"], ["-1+1", "0.00"], ["@SUM(A1)", "-"], ["\t=1", "\r=1"]]);

        Assert.Equal(
            "报告编号,金额\r\n"
            + "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",-12.50\r\n"
            + "\"'+1+1\",\"-1,451.10\"\r\n"
            + "\"'-1+1\",0.00\r\n"
            + "\"'@SUM(A1)\",\"'-\"\r\n"
            + "\"'\t=1\",\"'\r=1\"\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Verbatim_csv_carries_the_fields_unchanged_for_a_program_to_read_back()
    {
        var bytes = CsvTable.WriteVerbatim(["报告编号"], [["=1+1"], ["-1+1"]]);

        Assert.Equal(["=1+1", "-1+1"], CsvTable.Read(CsvDecoding.Decode(bytes)).Skip(1).Select(r => r.Fields[0]));
    }
}
