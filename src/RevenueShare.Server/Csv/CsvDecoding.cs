using System.Text;

namespace RevenueShare.Server.Csv;

/// <summary>
/// Figures files come from Excel: UTF-8 (with or without BOM) or, as Excel in China saves "CSV", GB18030.
/// Strict UTF-8 is tried first: text in GB18030 with any non-ASCII character is almost never valid
/// UTF-8, while pure ASCII reads the same either way.
/// </summary>
public static class CsvDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static CsvDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var preamble = Encoding.UTF8.Preamble;
        if (bytes.StartsWith(preamble))
        {
            return StrictUtf8.GetString(bytes[preamble.Length..]);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.GetString(bytes);
        }
    }
}
