using System.Text;
using RevenueShare.Server.Csv;

namespace RevenueShare.Server.Tests.Csv;

/// <summary>A figures file's bytes: UTF-8 or GB18030 (four-byte sequences included), and anything else refused with the line where it breaks.</summary>
public sealed class CsvDecodingTests
{
    [Fact]
    public void Gb18030_four_byte_sequences_decode_to_characters_beyond_the_basic_plane()
    {
        byte[] bytes = [.. "a,"u8, 0x95, 0x32, 0x82, 0x36, (byte)',', 0x94, 0x39, 0xFC, 0x36];

        Assert.Equal("a,\U00020000,\U0001F600", CsvDecoding.Decode(bytes));
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x0D, 0x0A, 0x62, 0x0D, 0x0A, 0x63, 0x64, 0xFF }, 3, 3)] // CRLF
    [InlineData(new byte[] { 0x61, 0x0A, 0x62, 0x80 }, 2, 2)] // LF, and a byte no encoding starts with
    [InlineData(new byte[] { 0x61, 0x0D, 0x62, 0x0D, 0x0D, 0x81, 0x20 }, 4, 1)] // lone CRs; a GB18030 lead byte with no trail
    [InlineData(new byte[] { 0xFF }, 1, 1)]
    public void Bytes_that_are_neither_utf8_nor_gb18030_are_refused_with_their_line_and_byte(byte[] bytes, int line, int byteOfLine)
    {
        var refusal = Assert.Throws<CsvFormatException>(() => CsvDecoding.Decode(bytes));

        Assert.Equal(line, refusal.Line);
        Assert.StartsWith($"Line {line}: byte {byteOfLine} of the line (0x", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("neither UTF-8 nor GB18030", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_break_shown_is_that_of_the_encoding_that_reads_further()
    {
        // UTF-8 on line 1 that GB18030 breaks on at once (区 is E5 8C BA, and BA ',' is no GB18030 character),
        // then a byte no encoding reads on line 3.
        byte[] bytes = [.. Encoding.UTF8.GetBytes("区,金额\r\nr-1,1.00\r\nr-2,"), 0xFF, .. "\r\n"u8];
        Assert.Throws<DecoderFallbackException>(() => CsvDecoding.Gb18030.GetString(bytes[..4]));

        var refusal = Assert.Throws<CsvFormatException>(() => CsvDecoding.Decode(bytes));

        Assert.Equal(3, refusal.Line);
        Assert.StartsWith("Line 3: byte 5 of the line (0xFF)", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_starts_with_the_utf8_bom_must_be_utf8_throughout()
    {
        // 0xB1 0xA8 is GB18030 (报) but not UTF-8: after a BOM the file is not read as GB18030.
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. "a\r\n"u8, 0xB1, 0xA8];

        var refusal = Assert.Throws<CsvFormatException>(() => CsvDecoding.Decode(bytes));

        Assert.Equal("Line 2: byte 1 of the line (0xB1) is not UTF-8, though the file starts with the UTF-8 BOM; save the file from Excel as \"CSV UTF-8\" or \"CSV\".", refusal.Message);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void A_utf16_file_is_refused_as_such(string encoding)
    {
        var text = Encoding.GetEncoding(encoding);
        byte[] bytes = [.. text.GetPreamble(), .. text.GetBytes("报告编号,金额\r\n")];

        var refusal = Assert.Throws<CsvFormatException>(() => CsvDecoding.Decode(bytes));

        Assert.Equal(1, refusal.Line);
        Assert.Contains("UTF-16", refusal.Message, StringComparison.Ordinal);
    }
}
