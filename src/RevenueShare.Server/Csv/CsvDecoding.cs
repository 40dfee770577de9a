using System.Globalization;
using System.Text;

namespace RevenueShare.Server.Csv;

/// <summary>
/// Figures files come from Excel: UTF-8 (with or without BOM) or, as Excel in China saves "CSV", GB18030.
/// Strict UTF-8 is tried first: text in GB18030 with any non-ASCII character is almost never valid
/// UTF-8, while pure ASCII reads the same either way. Both decoders refuse bytes they cannot decode
/// rather than put U+FFFD in their place, so a file in neither encoding is refused with the line where
/// it breaks (<see cref="CsvFormatException"/>), never booked with damaged text.
/// </summary>
public static class CsvDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>GB18030 (code page 54936, four-byte sequences included), refusing what it cannot decode or encode.</summary>
    public static Encoding Gb18030 { get; } =
        CodePagesEncodingProvider.Instance.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("The code page provider has no GB18030.");

    /// <summary>The file's text; throws <see cref="CsvFormatException"/> when it is neither UTF-8 nor GB18030.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var preamble = Encoding.UTF8.Preamble;
        if (bytes.StartsWith(preamble))
        {
            return TryDecode(StrictUtf8, bytes, preamble.Length, out var text, out var failed)
                ? text
                : throw Undecodable(bytes, failed, "is not UTF-8, though the file starts with the UTF-8 BOM");
        }

        if (bytes.StartsWith(Encoding.Unicode.Preamble) || bytes.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            throw new CsvFormatException(1, null, "the file is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or \"CSV\".");
        }

        if (TryDecode(StrictUtf8, bytes, 0, out var utf8, out var utf8Failed))
        {
            return utf8;
        }

        if (TryDecode(Gb18030, bytes, 0, out var gb18030, out var gb18030Failed))
        {
            return gb18030;
        }

        // The encoding that reads further is the one the file is most likely in, so its break is the one to show.
        throw Undecodable(bytes, Math.Max(utf8Failed, gb18030Failed), "is neither UTF-8 nor GB18030");
    }

    private static bool TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, int start, out string text, out int failedAt)
    {
        try
        {
            text = encoding.GetString(bytes[start..]);
            failedAt = -1;
            return true;
        }
        catch (DecoderFallbackException e)
        {
            text = string.Empty;
            failedAt = start + Math.Max(0, e.Index);
            return false;
        }
    }

    /// <summary>The line and byte of the break; the byte's value is shown, the text around it never.</summary>
    private static CsvFormatException Undecodable(ReadOnlySpan<byte> bytes, int offset, string what)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            // A line ends at CRLF, LF or a lone CR, as the CSV reader counts lines; neither byte occurs inside a
            // multi-byte character of UTF-8 or GB18030, so counting bytes counts lines.
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.Length || bytes[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        var fault = string.Create(
            CultureInfo.InvariantCulture,
            $"byte {offset - lineStart + 1} of the line (0x{bytes[offset]:X2}) {what}; save the file from Excel as \"CSV UTF-8\" or \"CSV\".");
        return new CsvFormatException(line, null, fault);
    }
}
