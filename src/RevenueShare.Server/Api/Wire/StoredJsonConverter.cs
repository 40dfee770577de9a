using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevenueShare.Server.Api.Wire;

/// <summary>Writes <see cref="StoredJson"/> as the raw JSON value it holds, unvalidated: validating would be parsing it.</summary>
public sealed class StoredJsonConverter : JsonConverter<StoredJson>
{
    public override StoredJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Stored JSON is only answered, never read from a request.");

    public override void Write(Utf8JsonWriter writer, StoredJson value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(value.Json, skipInputValidation: true);
    }
}
