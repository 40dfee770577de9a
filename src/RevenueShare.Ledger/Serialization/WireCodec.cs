using System.Runtime.Serialization;
using System.Text.Json;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger.Serialization.Wire;

namespace RevenueShare.Ledger.Serialization;

/// <summary>
/// One manifest of a serializer: the type it stands for, how it is written (null: no longer written)
/// and read, and its wire record when its payload is that record's JSON (<see cref="WireJson.Options"/>).
/// </summary>
internal sealed record WireCodec(string Manifest, Type Type, Func<object, byte[]>? Write, Func<byte[], ReferenceData, object> Read, Func<object, object>? ToWire)
{
    /// <summary>A manifest whose payload is the JSON of its wire record.</summary>
    public static WireCodec Json<TDomain, TWire>(string manifest, Func<TDomain, TWire>? toWire, Func<TWire, ReferenceData, object> toDomain)
        where TWire : class =>
        new(
            manifest,
            typeof(TDomain),
            toWire is null ? null : o => JsonSerializer.SerializeToUtf8Bytes(toWire((TDomain)o), WireJson.Options),
            (bytes, reference) => toDomain(ReadJson<TWire>(bytes, manifest), reference),
            toWire is null ? null : o => toWire((TDomain)o));

    /// <summary><see cref="Read"/>, with a value the domain refuses reported as the damaged payload it is, naming the manifest.</summary>
    public object Decode(byte[] bytes, ReferenceData reference)
    {
        try
        {
            return Read(bytes, reference);
        }
        catch (FormatException e)
        {
            throw new SerializationException($"{Manifest}: {e.Message}", e);
        }
    }

    private static TWire ReadJson<TWire>(byte[] bytes, string manifest)
        where TWire : class
    {
        try
        {
            return JsonSerializer.Deserialize<TWire>(bytes, WireJson.Options)
                ?? throw new SerializationException($"Empty payload for manifest {manifest}.");
        }
        catch (JsonException e)
        {
            throw new SerializationException($"{manifest}: the payload does not decode ({e.Message}).", e);
        }
    }
}
