using System.Collections.Frozen;
using System.Runtime.Serialization;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// The names an enum's members have in the stored formats, written out one by one: renaming a member
/// in the domain never changes what is stored, and a name the journal does not know fails loudly.
/// </summary>
internal sealed class WireEnum<T>
    where T : struct, Enum
{
    private readonly string what;
    private readonly FrozenDictionary<T, string> names;
    private readonly FrozenDictionary<string, T> values;

    public WireEnum(string what, params (T Value, string Name)[] pairs)
    {
        this.what = what;
        names = pairs.ToFrozenDictionary(p => p.Value, p => p.Name);
        values = pairs.ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var unnamed = Enum.GetValues<T>().Where(v => !names.ContainsKey(v)).ToArray();
        if (unnamed.Length > 0)
        {
            throw new InvalidOperationException($"{typeof(T).Name} {string.Join(", ", unnamed)} has no name in the stored formats.");
        }
    }

    public string Name(T value) => names[value];

    public T Parse(string name) =>
        values.TryGetValue(name, out var value)
            ? value
            : throw new SerializationException($"Unknown {what} '{name}' in a stored payload.");
}
