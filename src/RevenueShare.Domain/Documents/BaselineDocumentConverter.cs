using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevenueShare.Domain.Documents;

/// <summary>
/// Reads a baseline as either of its two JSON forms, with the options of the document around it (so
/// the object form is as strict as the rest: no unknown or repeated member).
/// </summary>
public sealed class BaselineDocumentConverter : JsonConverter<BaselineDocument>
{
    public override BaselineDocument? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => BaselineDocument.FromAmount(reader.GetString()),
        JsonTokenType.StartObject => new BaselineDocument(null, JsonSerializer.Deserialize<DerivedBaseline>(ref reader, options)?.Derive),
        _ => throw new JsonException("A baseline is an amount string (\"1200000.00\") or {\"derive\": {\"years\": N}}."),
    };

    public override void Write(Utf8JsonWriter writer, BaselineDocument value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Derive is null)
        {
            writer.WriteStringValue(value.Amount);
        }
        else
        {
            JsonSerializer.Serialize(writer, new DerivedBaseline(value.Derive), options);
        }
    }

    /// <summary>The object form, <c>{"derive": {...}}</c>.</summary>
    private sealed record DerivedBaseline(DeriveDocument? Derive);
}
