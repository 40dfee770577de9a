using System.Globalization;

namespace RevenueShare.Domain.Reference;

/// <summary>
/// Amounts are <see cref="decimal"/> values at their indicator's scale; on the wire they are decimal
/// strings. Parsing never rounds: more digits than the scale allows is an error.
/// </summary>
public static class Amounts
{
    /// <summary>Largest magnitude accepted for one amount: keeps every sum far from decimal's range.</summary>
    public const decimal Limit = 1_000_000_000_000_000m;

    /// <summary>Digits of the whole part of the largest amount below <see cref="Limit"/>.</summary>
    private const int LimitDigits = 15;

    /// <summary>
    /// Reads an amount in the contract's grammar (contracts/schemas, <c>$defs/amount</c>): an optional
    /// <c>-</c>, a whole part without leading zeros, and at most <paramref name="scale"/> digits after the
    /// point, ASCII digits only. <c>+1.00</c>, <c>.50</c>, <c>1.</c>, <c>0001.00</c> and a negative zero
    /// are refused rather than read, so that one amount has one spelling on the wire.
    /// </summary>
    public static bool TryParse(string? text, int scale, out decimal amount, out string error)
    {
        amount = 0m;
        if (string.IsNullOrEmpty(text))
        {
            error = "An amount is required, as a decimal string such as \"1234.56\".";
            return false;
        }

        if (Misspelt(text) is { } misspelt)
        {
            error = misspelt;
            return false;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? 0 : text.Length - point - 1;
        if (digits > scale)
        {
            error = $"'{text}' has {digits} digits after the decimal point; at most {scale} are allowed.";
            return false;
        }

        // Without leading zeros, the whole part's length alone says whether the amount is in range.
        var whole = (point < 0 ? text.Length : point) - (text[0] == '-' ? 1 : 0);
        if (whole > LimitDigits)
        {
            error = $"'{text}' is out of range (|amount| < {Limit.ToString(CultureInfo.InvariantCulture)}).";
            return false;
        }

        amount = Round(decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), scale);
        error = string.Empty;
        return true;
    }

    /// <summary>Formats with exactly <paramref name="scale"/> digits after the point, invariant culture.</summary>
    public static string Format(decimal amount, int scale) =>
        amount.ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// Normalises the representation of an amount already at <paramref name="scale"/> so that equal
    /// amounts are the same decimal bits (1.5 and 1.50 print alike); never used to round a value.
    /// </summary>
    public static decimal Round(decimal amount, int scale)
    {
        // decimal.Round only ever lowers the scale (0.00m stays 0.00m but 0m stays 0m); adding a zero
        // carrying the scale raises it, so every result has exactly `scale` digits after the point.
        var truncated = decimal.Round(amount, scale, MidpointRounding.ToZero);
        return truncated + new decimal(0, 0, 0, false, checked((byte)scale));
    }

    /// <summary>A ratio percent as the API and the read side write it: at most two decimals, no trailing zeros (<c>50</c>, <c>33.34</c>).</summary>
    public static string FormatPercent(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The amount of <paramref name="units"/> whole units of <paramref name="scale"/> (fen at scale 2),
    /// as the read side sums them; exact, and carrying exactly <paramref name="scale"/> digits.
    /// </summary>
    public static decimal FromUnits(long units, int scale) => units * Unit(scale);

    /// <summary>
    /// <paramref name="amount"/> as whole units of <paramref name="scale"/> (fen at scale 2), as the
    /// read side stores amounts so its sums are exact; an amount with more digits than the scale, or
    /// beyond a long, is a bug and throws.
    /// </summary>
    public static long ToUnits(decimal amount, int scale)
    {
        var units = amount / Unit(scale);
        return units == decimal.Truncate(units)
            ? checked(decimal.ToInt64(units))
            : throw new ArgumentException($"{amount} has more than {scale} decimals.", nameof(amount));
    }

    /// <summary>Why <paramref name="text"/> is not in the amount grammar, or null when it is (its scale aside).</summary>
    private static string? Misspelt(string text)
    {
        var signed = text[0] == '-';
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text[(signed ? 1 : 0)..] : text[(signed ? 1 : 0)..point];
        var fraction = point < 0 ? null : text[(point + 1)..];
        if (text[0] == '+')
        {
            return $"'{text}' has a '+' sign; an amount above zero is written without a sign.";
        }

        if (whole.Length == 0 && fraction is { Length: > 0 })
        {
            return $"'{text}' has no digit before the decimal point; write a 0 there.";
        }

        if (fraction is { Length: 0 } && whole.Length > 0)
        {
            return $"'{text}' has no digit after the decimal point; drop the point or write the digits.";
        }

        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || (fraction is not null && !fraction.All(char.IsAsciiDigit)))
        {
            return $"'{text}' is not a decimal amount (expected a string such as \"1234.56\").";
        }

        if (whole.Length > 1 && whole[0] == '0')
        {
            return $"'{text}' has a leading zero; the whole part starts with 0 only when it is 0.";
        }

        if (signed && whole == "0" && (fraction ?? string.Empty).All(c => c == '0'))
        {
            return $"'{text}' is a negative zero; zero is written without a sign.";
        }

        return null;
    }

    /// <summary>One unit at the scale: 0.01 at scale 2, 0.1 at scale 1.</summary>
    public static decimal Unit(int scale) => scale switch
    {
        0 => 1m,
        1 => 0.1m,
        2 => 0.01m,
        3 => 0.001m,
        4 => 0.0001m,
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Scales 0 to 4 are supported."),
    };
}
