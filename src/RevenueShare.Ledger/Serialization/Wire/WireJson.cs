using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// The JSON options of the wire records: camelCase member names in declaration order, nulls written,
/// NodaTime values in ISO form (months <c>2025-01</c>, instants <c>2026-04-02T03:04:05Z</c>), decimals
/// as JSON numbers (System.Text.Json writes and reads decimal exactly, scale included). Only wire
/// records are written with these options: what they write is fixed by the records, not by the domain.
/// </summary>
public static class WireJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
