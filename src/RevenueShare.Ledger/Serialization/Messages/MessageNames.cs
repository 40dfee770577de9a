using System.Runtime.Serialization;

namespace RevenueShare.Ledger.Serialization.Messages;

/// <summary>
/// Enum values in messages between nodes, by their names in the code: a message lives only between the
/// nodes of one release, unlike what the journal stores (<see cref="Wire.WireNames"/>), so no table of
/// stored names is needed to keep it readable later. An unknown name is a damaged message.
/// </summary>
internal static class MessageNames
{
    public static string Write<T>(T value)
        where T : struct, Enum => Enum.IsDefined(value) ? value.ToString() : throw new SerializationException($"{typeof(T).Name} {value} has no name.");

    public static T Read<T>(string name)
        where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: false, out var value) && Enum.IsDefined(value) && value.ToString() == name
            ? value
            : throw new SerializationException($"'{name}' is not a {typeof(T).Name}.");
}
