using System.Text.Encodings.Web;
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

    /// <summary>
    /// The same records for the audit trail's detail: escaped only where JSON requires it, as the API's
    /// answers escape (ASP.NET Core's default encoder), so the API embeds the stored text as it is,
    /// without parsing it, and still answers what it answered when it parsed and rewrote it.
    /// </summary>
    public static JsonSerializerOptions Audit { get; } = CreateAudit();

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

    private static JsonSerializerOptions CreateAudit()
    {
        var options = new JsonSerializerOptions(Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
