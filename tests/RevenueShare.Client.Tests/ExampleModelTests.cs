using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using RevenueShare.Client.Models;

namespace RevenueShare.Client.Tests;

/// <summary>
/// Every example agreement loads into the generated model and writes back as the same document: the
/// contract a client is generated from accepts what the schema files accept (a cap-less enterprise, an
/// enterprise without baselines, a term without mode), with nothing to add and nothing lost.
/// </summary>
public sealed class ExampleModelTests
{
    static ExampleModelTests()
    {
        ParseNodeFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.TryAdd("application/json", new JsonParseNodeFactory());
        SerializationWriterFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.TryAdd("application/json", new JsonSerializationWriterFactory());
    }

    public static TheoryData<string> Examples() => new(ContractPaths.ExampleAgreements());

    [Fact]
    public void All_eight_examples_are_there() => Assert.Equal(8, ContractPaths.ExampleAgreements().Count());

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task An_example_agreement_loads_into_the_generated_model_and_writes_back_unchanged(string file)
    {
        var json = ContractPaths.Read("examples", "agreements", file);
        var original = JsonNode.Parse(json)!;

        var agreement = await KiotaJsonSerializer.DeserializeAsync<AgreementDocument>(json);

        Assert.NotNull(agreement);
        Assert.Equal(original["title"]!.GetValue<string>(), agreement.Title);
        Assert.Equal(original["parties"]!.AsArray().Count, agreement.Parties!.Count);
        Assert.Equal(original["enterprises"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()), agreement.Enterprises!.Select(e => e.Id));
        Assert.Equal(
            original["enterprises"]!.AsArray().Select(e => e!["cap"]?["amount"]?.GetValue<string>()),
            agreement.Enterprises!.Select(e => e.Cap?.Amount));

        var written = JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(agreement));
        Assert.True(JsonNode.DeepEquals(original, written), $"{file} written back as {written?.ToJsonString()}");
    }
}
