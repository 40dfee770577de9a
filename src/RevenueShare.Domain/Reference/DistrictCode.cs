namespace RevenueShare.Domain.Reference;

/// <summary>
/// A district's administrative division code (行政区划代码, GB/T 2260), six ASCII digits such as
/// 440106. A value of this type always has that shape: the only way in is <see cref="TryParse"/>.
/// Whether the district is in the catalogue is <see cref="ReferenceData.TryGetDistrict"/>'s question.
/// </summary>
public readonly record struct DistrictCode : IComparable<DistrictCode>
{
    private const int Length = 6;

    private DistrictCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>Parses a district code. On failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out DistrictCode code, out string error)
    {
        code = default;
        if (text is null || text.Length != Length || !text.All(char.IsAsciiDigit))
        {
            error = $"A district code is {Length} ASCII digits (e.g. 440106); got '{text}'.";
            return false;
        }

        code = new DistrictCode(text);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses a code known to be valid (catalogues, stored payloads, tests); throws otherwise.</summary>
    public static DistrictCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public int CompareTo(DistrictCode other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(DistrictCode left, DistrictCode right) => left.CompareTo(right) < 0;

    public static bool operator <=(DistrictCode left, DistrictCode right) => left.CompareTo(right) <= 0;

    public static bool operator >(DistrictCode left, DistrictCode right) => left.CompareTo(right) > 0;

    public static bool operator >=(DistrictCode left, DistrictCode right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value ?? string.Empty;
}
