using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Allocation;

/// <summary>
/// What to book when an allocation is recomputed (docs/corrections.md): the entries that, added to those
/// booked for <c>before</c>, make the books sum to <c>after</c> for every key
/// (enterprise, indicator, month, district).
/// </summary>
public static class AllocationDelta
{
    /// <summary>
    /// A key new in <paramref name="after"/> is an <see cref="AllocationChangeKind.Allocation"/> of its
    /// full amount, zero included (a first report books every party's line). A key whose amount changed
    /// is an <see cref="AllocationChangeKind.Adjustment"/> of new minus old; an unchanged amount books
    /// nothing. A key that is in <paramref name="before"/> only is reversed by an adjustment of minus its
    /// amount (its line is the old one at zero), so the books still sum to <paramref name="after"/>.
    /// Output in canonical order: month, indicator, enterprise, then the party order of <paramref name="after"/>.
    /// </summary>
    public static IReadOnlyList<AllocationChange> Between(
        IEnumerable<AllocationLine> before,
        IEnumerable<AllocationLine> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var beforeLines = before as IReadOnlyList<AllocationLine> ?? [.. before];
        var afterLines = after as IReadOnlyList<AllocationLine> ?? [.. after];
        var old = Index(beforeLines, nameof(before));
        var current = Index(afterLines, nameof(after));
        var changes = new List<AllocationChange>();
        foreach (var line in afterLines)
        {
            var scale = line.Indicator.Scale;
            if (!old.TryGetValue(KeyOf(line), out var previous))
            {
                changes.Add(new AllocationChange(line, Amounts.Round(line.Amount, scale), AllocationChangeKind.Allocation));
            }
            else if (previous.Amount != line.Amount)
            {
                changes.Add(new AllocationChange(line, Amounts.Round(line.Amount - previous.Amount, scale), AllocationChangeKind.Adjustment));
            }
        }

        foreach (var line in beforeLines)
        {
            if (!current.ContainsKey(KeyOf(line)) && line.Amount != 0m)
            {
                var scale = line.Indicator.Scale;
                changes.Add(new AllocationChange(line with { Amount = Amounts.Round(0m, scale) }, Amounts.Round(-line.Amount, scale), AllocationChangeKind.Adjustment));
            }
        }

        // OrderBy is stable: within one figure the entries keep the party order of `after`.
        return changes
            .OrderBy(c => c.Line.Month)
            .ThenBy(c => c.Line.Indicator.Order)
            .ThenBy(c => c.Line.Enterprise.Value, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The lines by key; the callers walk the lists themselves, so the index needs no order.</summary>
    private static Dictionary<Key, AllocationLine> Index(IReadOnlyList<AllocationLine> lines, string name)
    {
        var result = new Dictionary<Key, AllocationLine>(lines.Count);
        foreach (var line in lines)
        {
            if (!result.TryAdd(KeyOf(line), line))
            {
                throw new ArgumentException($"Two lines for {line.Enterprise} {line.Indicator} {Months.Format(line.Month)} {line.District}.", name);
            }
        }

        return result;
    }

    private static Key KeyOf(AllocationLine line) => new(line.Enterprise, line.Indicator, line.Month, line.District);

    private readonly record struct Key(CreditCode Enterprise, Indicator Indicator, YearMonth Month, DistrictCode District);
}
