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
}
