using System.Text.Json;
using System.Text.Json.Nodes;
using RevenueShare.Server.Tests.Support;

namespace RevenueShare.Server.Tests.Contracts;

/// <summary>
/// The OpenAPI document committed in contracts/ is the one the service serves. After an API change,
/// regenerate it with <c>REVSHARE_WRITE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests</c> and
/// review the diff like any other contract change.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_served_document_equals_the_committed_one()
    {
        await using var server = await RunningServer.StartAsync();
        var served = JsonNode.Parse(await server.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var text = served.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
        var committed = Path.Combine(TestReference.ContractsDirectory, "openapi.json");
        if (Environment.GetEnvironmentVariable("REVSHARE_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(committed, text);
        }

        Assert.True(File.Exists(committed), $"{committed} is missing; see this test's summary to generate it.");
        Assert.Equal(await File.ReadAllTextAsync(committed), text);
    }
}
