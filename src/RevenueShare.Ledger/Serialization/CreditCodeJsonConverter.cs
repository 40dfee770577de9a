using System.Text.Json;
using System.Text.Json.Serialization;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization;

/// <summary>Credit codes travel as their 18 characters; reading one checks the check character again.</summary>
internal sealed class CreditCodeJsonConverter : JsonConverter<CreditCode>
{
    public override CreditCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CreditCode.Parse(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, CreditCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    public override CreditCode ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CreditCode.Parse(reader.GetString() ?? string.Empty);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, CreditCode value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value);
}
