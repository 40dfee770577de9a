using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// The JSON options of the journal's wire format: camelCase, enums by name, NodaTime values in ISO
/// form, decimals as JSON numbers (System.Text.Json writes and reads decimal exactly), dictionaries
/// with their keys in ordinal order (the same state gives the same bytes in every process).
/// </summary>
public static class LedgerJson
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
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new CreditCodeJsonConverter());
        options.Converters.Add(new OrdinalDictionaryJsonConverter<decimal>());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
