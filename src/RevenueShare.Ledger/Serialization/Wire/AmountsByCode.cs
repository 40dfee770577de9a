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
    public static Dictionary<string, decimal> Of(ImmutableDictionary<string, decimal> amounts)
    {
        var ordered = new Dictionary<string, decimal>(amounts.Count, StringComparer.Ordinal);
        foreach (var (code, amount) in amounts.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            ordered.Add(code, amount);
        }

        return ordered;
    }

    /// <summary>Amounts by district (ratios), keyed by the code's text in the same ordinal order.</summary>
    public static Dictionary<string, decimal> Of(ImmutableDictionary<DistrictCode, decimal> amounts)
    {
        var ordered = new Dictionary<string, decimal>(amounts.Count, StringComparer.Ordinal);
        foreach (var (district, amount) in amounts.OrderBy(a => a.Key))
        {
            ordered.Add(district.Value, amount);
        }

        return ordered;
    }

    public static ImmutableDictionary<DistrictCode, decimal> ByDistrict(IReadOnlyDictionary<string, decimal>? amounts) =>
        amounts is null ? ImmutableDictionary<DistrictCode, decimal>.Empty : amounts.ToImmutableDictionary(a => DistrictCode.Parse(a.Key), a => a.Value);

    public static ImmutableDictionary<string, decimal> ToDomain(IReadOnlyDictionary<string, decimal>? amounts) =>
        amounts is null ? ImmutableDictionary<string, decimal>.Empty : amounts.ToImmutableDictionary(StringComparer.Ordinal);
}
