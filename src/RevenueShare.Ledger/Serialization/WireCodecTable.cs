using System.Collections.Frozen;
using System.Runtime.Serialization;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// A serializer's manifests, looked up both ways: the codec that writes a type (only those still
/// written) and the codec that reads a manifest (every one ever written). <paramref name="what"/>
/// names the format in the refusals, as in "the ledger's wire format".
/// </summary>
internal sealed class WireCodecTable(IEnumerable<WireCodec> codecs, string what)
{
    private readonly FrozenDictionary<Type, WireCodec> writers = codecs.Where(c => c.Write is not null).ToFrozenDictionary(c => c.Type);

    private readonly FrozenDictionary<string, WireCodec> readers = codecs.ToFrozenDictionary(c => c.Manifest, StringComparer.Ordinal);

    /// <summary>Every type written, for the round-trip tests.</summary>
    public IReadOnlyCollection<Type> WrittenTypes => writers.Keys;

    /// <summary>The manifests written, in ordinal order.</summary>
    public IReadOnlyList<string> WrittenManifests => [.. writers.Values.Select(c => c.Manifest).Order(StringComparer.Ordinal)];

    /// <summary>Every manifest read, in ordinal order.</summary>
    public IReadOnlyList<string> ReadManifests => [.. readers.Keys.Order(StringComparer.Ordinal)];

    public WireCodec WriterFor(Type type) =>
        writers.TryGetValue(type, out var codec)
            ? codec
            : throw new SerializationException($"{type.FullName} has no manifest in {what}.");

    public WireCodec ReaderFor(string manifest) =>
        readers.TryGetValue(manifest, out var codec)
            ? codec
            : throw new SerializationException($"Unknown manifest '{manifest}' in {what}.");
}
