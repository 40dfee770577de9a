using System.Collections.Frozen;
using System.Text.Json;

namespace RevenueShare.Domain.Reference;

/// <summary>
/// The district and indicator catalogues (docs/reference-data.md). Shipped as data in contracts/ and
/// replaceable by configuration for another city; the domain only ever sees this object.
/// </summary>
public sealed class ReferenceData
{
    private readonly FrozenDictionary<string, District> districts;
    private readonly FrozenDictionary<string, Indicator> indicators;

    public ReferenceData(IEnumerable<District> districts, IEnumerable<Indicator> indicators)
    {
        Districts = districts.ToArray();
        Indicators = indicators.OrderBy(i => i.Order).ToArray();
        this.districts = Districts.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        this.indicators = Indicators.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<District> Districts { get; }

    /// <summary>Indicators in canonical (catalogue) order.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>The catalogue's district of <paramref name="code"/>; a code of the right shape may still be none.</summary>
    public bool TryGetDistrict(DistrictCode code, out District district) =>
        districts.TryGetValue(code.Value, out district!);

    public bool TryGetIndicator(string code, out Indicator indicator) =>
        indicators.TryGetValue(code, out indicator!);

    /// <summary>The indicator with this code; the code must have been validated before.</summary>
    public Indicator Indicator(string code) =>
        indicators.TryGetValue(code, out var indicator)
            ? indicator
            : throw new ArgumentException($"Unknown indicator '{code}'.", nameof(code));

    /// <summary>
    /// Reads the catalogues from the JSON documents shipped in contracts/
    /// (<c>districts.json</c>: <c>[{code, name}]</c>; <c>indicators.json</c>:
    /// <c>[{code, name, family, unit, scale}]</c>, listed in canonical order).
    /// </summary>
    public static ReferenceData FromJson(string districtsJson, string indicatorsJson)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var districtRows = JsonSerializer.Deserialize<DistrictRow[]>(districtsJson, options)
            ?? throw new FormatException("The district catalogue is empty.");
        var indicatorRows = JsonSerializer.Deserialize<IndicatorRow[]>(indicatorsJson, options)
            ?? throw new FormatException("The indicator catalogue is empty.");
        return new ReferenceData(
            districtRows.Select(r => new District(r.Code, r.Name)),
            indicatorRows.Select((r, i) => new Indicator(r.Code, r.Name, ParseFamily(r.Family), r.Unit, r.Scale, i)));
    }

    private static IndicatorFamily ParseFamily(string family) =>
        IndicatorFamilies.TryParse(family, out var parsed) ? parsed : throw new FormatException($"Unknown indicator family '{family}'.");

    private sealed record DistrictRow(string Code, string Name);

    private sealed record IndicatorRow(string Code, string Name, string Family, string Unit, int Scale);
}
