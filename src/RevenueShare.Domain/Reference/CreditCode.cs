namespace RevenueShare.Domain.Reference;

/// <summary>
/// An 18-character unified social credit code (统一社会信用代码, GB 32100-2015). A value of this
/// type always carries a correct check character: the only way in is <see cref="TryParse"/>.
/// </summary>
public readonly record struct CreditCode : IComparable<CreditCode>
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private const int Length = 18;

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>
    /// Parses a credit code. On failure <paramref name="error"/> says what is wrong, and for a wrong
    /// check character names the expected one.
    /// </summary>
    public static bool TryParse(string? text, out CreditCode code, out string error)
    {
        code = default;
        if (text is null || text.Length != Length)
        {
            error = $"A unified social credit code has {Length} characters; got {text?.Length ?? 0}.";
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            if (Alphabet.IndexOf(text[i], StringComparison.Ordinal) < 0)
            {
                error = $"Character {i + 1} ('{text[i]}') is not allowed in a unified social credit code (allowed: {Alphabet}).";
                return false;
            }
        }

        var expected = CheckCharacter(text.AsSpan(0, Length - 1));
        if (text[Length - 1] != expected)
        {
            error = $"The check character of '{text}' is '{text[Length - 1]}'; expected '{expected}'.";
            return false;
        }

        code = new CreditCode(text);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses a code known to be valid (catalogues, tests); throws otherwise.</summary>
    public static CreditCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>The check character for the first 17 characters (weights 3^i mod 31).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException($"Expected {Length - 1} characters.", nameof(first17));
        }

        var sum = 0;
        var weight = 1;
        foreach (var c in first17)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{c}' is not allowed in a unified social credit code.", nameof(first17));
            }

            sum += value * weight;
            weight = weight * 3 % 31;
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    public int CompareTo(CreditCode other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(CreditCode left, CreditCode right) => left.CompareTo(right) < 0;

    public static bool operator <=(CreditCode left, CreditCode right) => left.CompareTo(right) <= 0;

    public static bool operator >(CreditCode left, CreditCode right) => left.CompareTo(right) > 0;

    public static bool operator >=(CreditCode left, CreditCode right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value ?? string.Empty;
}
