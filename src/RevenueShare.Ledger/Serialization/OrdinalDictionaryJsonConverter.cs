using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// Writes a string-keyed dictionary (ratios by district, baselines by indicator) with its keys in
/// ordinal order. An immutable dictionary enumerates in the order of its keys' hash codes, which
/// change from one process to the next, so without this the same state could give other bytes.
/// Reads as System.Text.Json does.
/// </summary>
internal sealed class OrdinalDictionaryJsonConverter<TValue> : JsonConverter<ImmutableDictionary<string, TValue>>
{
    public override ImmutableDictionary<string, TValue>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var pairs = JsonSerializer.Deserialize<Dictionary<string, TValue>>(ref reader, options);
        return pairs?.ToImmutableDictionary(StringComparer.Ordinal);
    }

    public override void Write(Utf8JsonWriter writer, ImmutableDictionary<string, TValue> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in value.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(options.DictionaryKeyPolicy?.ConvertName(key) ?? key);
            JsonSerializer.Serialize(writer, item, options);
        }

        writer.WriteEndObject();
    }
}
