using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Serialization;
using RevenueShare.Ledger.Tests.Support;

namespace RevenueShare.Ledger.Tests.Serialization;

/// <summary>
/// The golden payloads (<c>Serialization/Golden/</c>): the bytes of every stored format as the code of
/// December 2026 wrote them from <see cref="SerializerSamples"/>, one file per manifest. They never
/// change: a new format gets a new manifest and a new file beside them.
/// </summary>
internal static class GoldenPayloads
{
    /// <summary>Set to <c>1</c> to write missing golden files from today's code (for a new manifest only).</summary>
    public const string WriteVariable = "REVSHARE_WRITE_GOLDEN";

    /// <summary>Written before figures-booked.v2 replaced it; still read.</summary>
    public const string FiguresBookedV1 = "figures-booked.v1";

    public static string Folder => Path.Combine(RepositoryFiles.Root, "tests", "RevenueShare.Ledger.Tests", "Serialization", "Golden");

    public static string PathOf(string manifest) =>
        Path.Combine(Folder, manifest + (manifest == "agreement-snapshot.v2" ? ".bin" : ".json"));

    public static byte[] Read(string manifest) => File.ReadAllBytes(PathOf(manifest));

    /// <summary>Writes the golden file of <paramref name="manifest"/> when asked to and it is not there yet; never overwrites one.</summary>
    public static void WriteIfAsked(string manifest, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1" && !File.Exists(PathOf(manifest)))
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(PathOf(manifest), bytes);
        }
    }

    /// <summary>The v1 form of the sample batch: the reflection JSON that figures-booked.v1 was.</summary>
    public static byte[] FiguresBookedV1Bytes() =>
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes((FiguresBooked)SerializerSamples.ByType[typeof(FiguresBooked)], LedgerJson.Options);
}
