using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace RevenueShare.Domain.Documents;

/// <summary>
/// The one rule for text the ledger stores as it was sent — report ids, titles, enterprise names,
/// reasons: bounded in length, free of characters that are invisible or that change how the text
/// around them reads (control characters such as NUL, LF and BEL; bidirectional overrides, embeddings,
/// isolates and marks such as U+202E; zero-width characters such as U+200B and U+FEFF), and without
/// surrounding white space. Such characters let two ids that look alike differ, break the CSV and log
/// lines the text is written into, and make a reason read otherwise on screen than in the journal.
/// contracts/schemas states the same rule as a <c>pattern</c> and <c>maxLength</c>.
/// </summary>
public static class TextRules
{
    /// <summary>A lifecycle or review reason: a sentence or a short paragraph, never a document.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>
    /// Why <paramref name="text"/> breaks the rule, or null when it keeps it. <paramref name="subject"/>
    /// begins the message (<c>title</c>, <c>The reason</c>). Lengths and positions count UTF-16 code
    /// units, as JSON and JavaScript do; a position is 1-based.
    /// </summary>
    public static string? Problem(string text, string subject, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > maxLength)
        {
            return $"{subject} has {text.Length} characters; at most {maxLength} are allowed.";
        }

        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return $"{subject} has {Code(text[i])} at position {i + 1}, half of a surrogate pair without its other half.";
            }

            if (IsForbidden(rune))
            {
                return $"{subject} has {Code(rune.Value)} at position {i + 1}; control characters, bidirectional controls and invisible formatting characters are not allowed.";
            }

            i += used;
        }

        if (text.Length > 0 && char.IsWhiteSpace(text[0]))
        {
            return $"{subject} starts with white space ({Code(text[0])} at position 1); leading and trailing white space is not allowed.";
        }

        if (text.Length > 0 && char.IsWhiteSpace(text[^1]))
        {
            return $"{subject} ends with white space ({Code(text[^1])} at position {text.Length}); leading and trailing white space is not allowed.";
        }

        return null;
    }

    /// <summary>
    /// Reads an optional reason: absent (null or empty) is no reason; anything else must keep the rule.
    /// Returns false with the <paramref name="problem"/> when it does not.
    /// </summary>
    public static bool TryReadReason(string? text, out string? reason, [NotNullWhen(false)] out string? problem)
    {
        reason = string.IsNullOrEmpty(text) ? null : text;
        problem = reason is null ? null : Problem(reason, "The reason", MaxReasonLength);
        return problem is null;
    }

    /// <summary>
    /// Controls (Cc), format characters (Cf: bidirectional controls and marks, zero-width characters,
    /// the byte-order mark, soft hyphen, tags) and the line and paragraph separators (Zl, Zp).
    /// </summary>
    private static bool IsForbidden(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string Code(int value) => "U+" + value.ToString("X4", CultureInfo.InvariantCulture);
}
