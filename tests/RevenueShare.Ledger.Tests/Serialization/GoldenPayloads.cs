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

    public static string Folder => Path.Combine(RepositoryFiles.Root, "tests", "RevenueShare.Ledger.Tests", "Serialization", "Golden");

    public static string PathOf(string manifest) =>
        Path.Combine(Folder, manifest + (BinaryManifests.Contains(manifest) ? ".bin" : ".json"));

    /// <summary>The manifests whose payload is not JSON.</summary>
    private static readonly string[] BinaryManifests = ["agreement-snapshot.v2", "agreement-snapshot.v3", "agreement-snapshot.v4", "sealed-event.v1"];

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
}
