using RevenueShare.Ledger.Serialization;

namespace RevenueShare.Ledger.Tests.Serialization;

/// <summary>Today's serializer still writes, for each manifest it writes, exactly the golden bytes of the same values.</summary>
public sealed class GoldenPayloadWriterTests
{
    public static TheoryData<string> Manifests => [.. LedgerSerializer.SupportedTypes.Select(LedgerSerializer.ManifestFor)];

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Todays_serializer_writes_the_golden_bytes(string manifest)
    {
        var sample = SerializerSamples.ByType[LedgerSerializer.SupportedTypes.Single(t => LedgerSerializer.ManifestFor(t) == manifest)];
        var bytes = LedgerSerializer.Payload(sample);
        GoldenPayloads.WriteIfAsked(manifest, bytes);

        Assert.Equal(GoldenPayloads.Read(manifest), bytes);
    }
}
