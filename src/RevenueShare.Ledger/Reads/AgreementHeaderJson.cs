using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Reads;

/// <summary>
/// The structured parts of an agreement's header row (<see cref="AgreementHeaderRow"/>) in JSON of
/// the read side's own shape, written and read by hand so that no change to the domain's records or
/// to the journal's wire form changes them unnoticed: signatures <c>["440103", …]</c>, pauses
/// <c>[{"from": "2025-03", "to": "2025-04"}, …]</c>, amendments <c>[{"number", "from", "proposer",
/// "signatures", "status", "terms"}, …]</c> with their sharing terms as <see cref="TermsJson"/> writes
/// them and their status by the enum's name, as the routes show it.
/// </summary>
internal static class AgreementHeaderJson
{
    public static string WriteSignatures(ImmutableArray<DistrictCode> signatures) => Write(writer => Districts(writer, signatures));

    public static ImmutableArray<DistrictCode> ReadSignatures(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Districts(document.RootElement);
    }

    public static string WritePauses(ImmutableArray<MonthRange> pauses) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var pause in pauses)
        {
            writer.WriteStartObject();
            writer.WriteString("from", Months.Format(pause.From));
            writer.WriteString("to", Months.Format(pause.To));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static ImmutableArray<MonthRange> ReadPauses(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(p => new MonthRange(Month(p, "from"), Month(p, "to")))];
    }

    public static string WriteAmendments(ImmutableArray<Amendment> amendments) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var amendment in amendments)
        {
            writer.WriteStartObject();
            writer.WriteNumber("number", amendment.Number);
            writer.WriteString("from", Months.Format(amendment.From));
            writer.WriteString("proposer", amendment.Proposer.Value);
            writer.WritePropertyName("signatures");
            Districts(writer, amendment.Signatures);
            writer.WriteString("status", amendment.Status.ToString());
            writer.WritePropertyName("terms");
            writer.WriteRawValue(TermsJson.Write(amendment.Terms));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static ImmutableArray<Amendment> ReadAmendments(string json, ReferenceData reference)
    {
        using var document = JsonDocument.Parse(json);
        return
        [
            .. document.RootElement.EnumerateArray().Select(a => new Amendment(
                a.GetProperty("number").GetInt32(),
                Month(a, "from"),
                TermsJson.ReadSharingTerms(a.GetProperty("terms").GetRawText(), reference),
                DistrictCode.Parse(a.GetProperty("proposer").GetString()!),
                Districts(a.GetProperty("signatures")),
                Enum.Parse<AmendmentStatus>(a.GetProperty("status").GetString()!))),
        ];
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Districts(Utf8JsonWriter writer, ImmutableArray<DistrictCode> districts)
    {
        writer.WriteStartArray();
        foreach (var district in districts)
        {
            writer.WriteStringValue(district.Value);
        }

        writer.WriteEndArray();
    }

    private static ImmutableArray<DistrictCode> Districts(JsonElement array) => [.. array.EnumerateArray().Select(s => DistrictCode.Parse(s.GetString()!))];

    private static NodaTime.YearMonth Month(JsonElement element, string name) => Months.Parse(element.GetProperty(name).GetString()!);
}
