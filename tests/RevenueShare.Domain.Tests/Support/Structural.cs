using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Tests.Support;

/// <summary>
/// Field-by-field equality of the domain's values — an <see cref="AgreementState"/> and everything it
/// holds, events, decisions — for tests that must prove two of them the same (a state recovered from a
/// snapshot and the state of a full replay). It walks every public property: records and classes
/// member by member, dictionaries key by key, sequences element by element, and names the path of the
/// first difference (<c>Books[91440112MA5D0000A1].Months[2].Lines[vat 440106].CapRemainingAfter</c>).
/// Stricter than the records' own equality where that is lenient: a decimal must have the same scale
/// as well as the same value (<c>1.00</c> is not <c>1.0</c>: they print differently), and an
/// <see cref="Indicator"/> is compared in full, not by its code alone. The sign of a zero is not
/// compared: <c>-0.0</c> prints, formats and compares as <c>0.0</c>, and JSON cannot carry it.
/// </summary>
/// <remarks>
/// The one place where order is not compared: the figures and lines inside one month of an enterprise's
/// book, kept in the order they were booked, which a snapshot writes in code order instead
/// (<c>AgreementSnapshotV2Wire</c> writes the same bytes for the same state). Nothing reads that order:
/// figures are looked up by indicator (<see cref="EnterpriseBook.Current"/>), and lines are put in party
/// and canonical order by whoever uses them (<see cref="EnterpriseBook.LinesInPartyOrder(Terms.AgreementRules)"/>,
/// <see cref="AllocationEngine"/>, <see cref="AllocationDelta"/>). They are matched by their key instead.
/// </remarks>
internal static class Structural
{
    private const int MaxDepth = 64;

    /// <summary>Collections whose order means nothing, each with the key its elements are matched by.</summary>
    private static readonly Dictionary<(Type Type, string Member), Func<object, string>> Unordered = new()
    {
        [(typeof(BookMonth), nameof(BookMonth.Figures))] = o => ((FigureReport)o).Indicator.Code,
        [(typeof(BookMonth), nameof(BookMonth.Lines))] = o => $"{((AllocationLine)o).Indicator.Code} {((AllocationLine)o).District}",
        [(typeof(EnterpriseBook), nameof(EnterpriseBook.Figures))] = o => $"{Text(((FigureReport)o).Month)} {((FigureReport)o).Indicator.Code}",
        [(typeof(EnterpriseBook), nameof(EnterpriseBook.CurrentFigures))] = o => $"{Text(((Figure)o).Month)} {((Figure)o).Indicator.Code}",
        [(typeof(EnterpriseBook), nameof(EnterpriseBook.Lines))] = o => $"{Text(((AllocationLine)o).Month)} {((AllocationLine)o).Indicator.Code} {((AllocationLine)o).District}",
    };

    /// <summary>Fails with the path and both values of the first difference.</summary>
    public static void AssertSame<T>(T expected, T actual)
    {
        if (FirstDifference(expected, actual) is { } difference)
        {
            Assert.Fail($"{typeof(T).Name}s differ at {difference}");
        }
    }

    /// <summary>The path and both values of the first difference, null when there is none.</summary>
    public static string? FirstDifference(object? expected, object? actual) => Compare(expected, actual, "$", 0);

    private static string? Compare(object? expected, object? actual, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"{path}: nested deeper than {MaxDepth}; is there a cycle?");
        }

        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : Differ(path, expected, actual);
        }

        var type = expected.GetType();
        if (type != actual.GetType())
        {
            return $"{path}: a {type.Name} expected, a {actual.GetType().Name} found";
        }

        if (expected is decimal a && actual is decimal b)
        {
            return a == b && a.Scale == b.Scale ? null : Differ(path, a, b);
        }

        if (IsLeaf(type))
        {
            return expected.Equals(actual) ? null : Differ(path, expected, actual);
        }

        if (IsDefaultImmutableArray(expected) || IsDefaultImmutableArray(actual))
        {
            return IsDefaultImmutableArray(expected) == IsDefaultImmutableArray(actual) ? null : $"{path}: one of the arrays is default (uninitialised)";
        }

        if (DictionaryEntries(expected) is { } expectedEntries)
        {
            return CompareKeyed(expectedEntries, DictionaryEntries(actual)!, path, depth);
        }

        if (expected is IEnumerable sequence)
        {
            return CompareSequences(sequence.Cast<object?>().ToList(), ((IEnumerable)actual).Cast<object?>().ToList(), path, depth);
        }

        return CompareMembers(type, expected, actual, path, depth);
    }

    private static string? CompareMembers(Type type, object expected, object actual, string path, int depth)
    {
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .ToList();
        if (members.Count == 0)
        {
            return expected.Equals(actual) ? null : Differ(path, expected, actual);
        }

        foreach (var member in members)
        {
            var memberPath = $"{path}.{member.Name}";
            var left = member.GetValue(expected);
            var right = member.GetValue(actual);
            var difference = Unordered.TryGetValue((type, member.Name), out var key) && left is IEnumerable l && right is IEnumerable r
                ? CompareKeyed(Keyed(l, key, memberPath), Keyed(r, key, memberPath), memberPath, depth)
                : Compare(left, right, memberPath, depth + 1);
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? CompareSequences(List<object?> expected, List<object?> actual, string path, int depth)
    {
        if (expected.Count != actual.Count)
        {
            return $"{path}: {expected.Count} elements expected, {actual.Count} found";
        }

        for (var k = 0; k < expected.Count; k++)
        {
            if (Compare(expected[k], actual[k], $"{path}[{k}]", depth + 1) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    /// <summary>Entries matched by key (the key type's own equality), walked in the ordinal order of the keys' text so the first difference named is always the same one.</summary>
    private static string? CompareKeyed(List<(object Key, object? Value)> expected, List<(object Key, object? Value)> actual, string path, int depth)
    {
        var found = actual.ToDictionary(e => e.Key);
        foreach (var (key, value) in expected.OrderBy(e => Text(e.Key), StringComparer.Ordinal))
        {
            var at = $"{path}[{Text(key)}]";
            if (!found.Remove(key, out var other))
            {
                return $"{at}: expected, missing";
            }

            if ((Compare(key, other.Key, $"{at}(key)", depth + 1) ?? Compare(value, other.Value, at, depth + 1)) is { } difference)
            {
                return difference;
            }
        }

        return found.Count == 0 ? null : $"{path}[{Text(found.Keys.Order(Comparer<object>.Create((x, y) => string.CompareOrdinal(Text(x), Text(y)))).First())}]: not expected, found";
    }

    private static List<(object Key, object? Value)> Keyed(IEnumerable elements, Func<object, string> key, string path)
    {
        var keyed = elements.Cast<object>().Select(e => ((object)key(e), (object?)e)).ToList();
        var repeated = keyed.GroupBy(e => e.Item1).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? keyed : throw new InvalidOperationException($"{path}: two elements with the key {repeated.Key}.");
    }

    /// <summary>The entries of a dictionary (anything that enumerates key-value pairs), null for anything else.</summary>
    private static List<(object Key, object? Value)>? DictionaryEntries(object value)
    {
        var pairType = value.GetType().GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0])
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>));
        if (pairType is null)
        {
            return null;
        }

        var keyOf = pairType.GetProperty(nameof(KeyValuePair<int, int>.Key))!;
        var valueOf = pairType.GetProperty(nameof(KeyValuePair<int, int>.Value))!;
        return [.. ((IEnumerable)value).Cast<object>().Select(pair => (keyOf.GetValue(pair)!, valueOf.GetValue(pair)))];
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type.Assembly == typeof(YearMonth).Assembly;

    private static bool IsDefaultImmutableArray(object value) =>
        value.GetType() is { IsGenericType: true } type
        && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
        && (bool)type.GetProperty(nameof(System.Collections.Immutable.ImmutableArray<int>.IsDefault))!.GetValue(value)!;

    private static string Differ(string path, object? expected, object? actual) =>
        $"{path}: expected {Text(expected)}, found {Text(actual)}";

    private static string Text(object? value) => value switch
    {
        null => "null",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        YearMonth month => Months.Format(month),
        ITuple tuple => $"({string.Join(", ", Enumerable.Range(0, tuple.Length).Select(k => Text(tuple[k])))})",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };
}
