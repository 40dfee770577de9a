using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevenueShare.Domain.Documents;

/// <summary>
/// How a document is read from JSON, wherever it comes from (a request body, a demo file): as
/// contracts/schemas describe it, not more loosely. A member the document does not have is refused
/// (the schemas say <c>additionalProperties: false</c>), a member given twice is refused rather than
/// the last one winning (<c>"amount":"1.00","amount":"2.00"</c> would book 2.00 where a reviewer of the
/// text may read 1.00), member names match exactly as the schemas spell them, and numbers are JSON
/// numbers only (<c>"1"</c> for a revision is a type error, not a guess). Each refusal is a
/// <see cref="JsonException"/> whose <see cref="JsonException.Path"/> is the offending member.
/// </summary>
public static class DocumentJson
{
    /// <summary>
    /// Applies the strict reading to <paramref name="options"/> and returns them. The server applies it
    /// once, to the options ASP.NET Core binds request bodies with, and every other reader of documents
    /// (the demo loader) takes that same options object.
    /// </summary>
    public static JsonSerializerOptions MakeStrict(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }
}
