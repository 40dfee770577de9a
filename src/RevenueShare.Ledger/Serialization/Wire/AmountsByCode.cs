using System.Collections.Immutable;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// Amounts keyed by a code (ratios by district, baselines by indicator) as stored: a JSON object with
/// its keys in ordinal order, since an immutable dictionary enumerates in the order of its keys' hash
/// codes, which change from one process to the next.
/// </summary>
internal static class AmountsByCode
{
    /// <summary>Amounts by indicator (baselines), keyed by the indicator's code.</summary>
    public static Dictionary<string, decimal> Of(ImmutableDictionary<Indicator, decimal> amounts) => Ordered(amounts, indicator => indicator.Code);

    /// <summary>Amounts by district (ratios), keyed by the code's text in the same ordinal order.</summary>
    public static Dictionary<string, decimal> Of(ImmutableDictionary<DistrictCode, decimal> amounts) => Ordered(amounts, district => district.Value);

    public static ImmutableDictionary<DistrictCode, decimal> ByDistrict(IReadOnlyDictionary<string, decimal>? amounts) =>
        amounts is null ? ImmutableDictionary<DistrictCode, decimal>.Empty : amounts.ToImmutableDictionary(a => DistrictCode.Parse(a.Key), a => a.Value);

    public static ImmutableDictionary<Indicator, decimal> ByIndicator(IReadOnlyDictionary<string, decimal>? amounts, ReferenceData reference) =>
        amounts is null ? ImmutableDictionary<Indicator, decimal>.Empty : amounts.ToImmutableDictionary(a => WireIndicators.Resolve(reference, a.Key), a => a.Value);

    private static Dictionary<string, decimal> Ordered<TKey>(ImmutableDictionary<TKey, decimal> amounts, Func<TKey, string> text)
        where TKey : notnull
    {
        var ordered = new Dictionary<string, decimal>(amounts.Count, StringComparer.Ordinal);
        foreach (var (code, amount) in amounts.Select(a => (Code: text(a.Key), a.Value)).OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            ordered.Add(code, amount);
        }

        return ordered;
    }
}
