using System.Globalization;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// An agreement's id, <c>GZ-&lt;year&gt;-&lt;number&gt;</c> (docs/decisions.md, Agreement ids): four
/// digits of year and at least four of number. A value of this type always has that shape: the
/// ways in are <see cref="TryParse"/> and <see cref="Of"/>. Whether the id was ever given out is the
/// numbering's question, not this type's.
/// </summary>
public readonly record struct AgreementId : IComparable<AgreementId>
{
    private const string Prefix = "GZ-";
    private const int YearDigits = 4;
    private const int MinNumberDigits = 4;

    private AgreementId(string value) => Value = value;

    public string Value { get; }

    /// <summary>Parses an agreement id. On failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out AgreementId id, out string error)
    {
        id = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "An agreement id is required.";
            return false;
        }

        var numberStart = Prefix.Length + YearDigits + 1;
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)
            || text.Length < numberStart + MinNumberDigits
            || !AllDigits(text.AsSpan(Prefix.Length, YearDigits))
            || text[numberStart - 1] != '-'
            || !AllDigits(text.AsSpan(numberStart)))
        {
            error = $"An agreement id reads GZ-<year>-<number> (four digits of year, at least four of number); got '{text}'.";
            return false;
        }

        id = new AgreementId(text);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses an id known to be valid (stored payloads, tests); throws otherwise.</summary>
    public static AgreementId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>The id of a year's <paramref name="number"/>th agreement, as the numbering gives it out.</summary>
    public static AgreementId Of(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        return new AgreementId(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{year:D4}-{number:D4}"));
    }

    public int CompareTo(AgreementId other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(AgreementId left, AgreementId right) => left.CompareTo(right) < 0;

    public static bool operator <=(AgreementId left, AgreementId right) => left.CompareTo(right) <= 0;

    public static bool operator >(AgreementId left, AgreementId right) => left.CompareTo(right) > 0;

    public static bool operator >=(AgreementId left, AgreementId right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value ?? string.Empty;

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
