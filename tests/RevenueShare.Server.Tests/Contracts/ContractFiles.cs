using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace RevenueShare.Server.Tests.Contracts;

/// <summary>Locates the repository's contracts/ folder and loads its schemas once.</summary>
internal static class ContractFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly Lazy<string> Root = new(FindContracts);

    /// <summary>Every schema file, built once in one registry, so a file may refer to another (an amendment's terms).</summary>
    private static readonly Lazy<Dictionary<string, JsonSchema>> SchemaFiles = new(LoadSchemaFiles);

    private static readonly Lazy<JsonNode> OpenApiComponents = new(() => JsonNode.Parse(Read("openapi.json"))!["components"]!["schemas"]!);

    public static string Directory => Root.Value;

    public static ContractSchema Agreement { get; } = new("agreement.schema.json", "AgreementDocument");

    public static ContractSchema Amendment { get; } = new("amendment.schema.json", "AmendmentRequest");

    public static ContractSchema FigureBatch { get; } = new("figure-batch.schema.json", "FigureBatchRequest");

    public static ContractSchema Trigger { get; } = new("trigger.schema.json", "TriggerRequest");

    public static ContractSchema Review { get; } = new("review.schema.json", "ReviewRequest");

    public static ContractSchema FactorReport { get; } = new("factor-report.schema.json", "FactorReportDocument");

    public static ContractSchema Problem { get; } = new("problem.schema.json", "ProblemDetails");

    /// <summary>The committed schema file's own JSON Schema.</summary>
    public static JsonSchema FileSchema(string file) => SchemaFiles.Value[file];

    /// <summary>
    /// The OpenAPI document's component as a JSON Schema of its own: the committed document's components
    /// under <c>$defs</c> (their references pointed there), entered at <paramref name="component"/>. What
    /// a validator of the OpenAPI document accepts, read independently of the schema files.
    /// </summary>
    public static JsonSchema OpenApiSchema(string component)
    {
        var defs = JsonNode.Parse(OpenApiComponents.Value.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!;
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://revenueshare.gz.gov.cn/tests/openapi/" + component,
            ["$ref"] = "#/$defs/" + component,
            ["$defs"] = defs,
        };
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    public static string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>File names (not paths) of the JSON files in a folder under contracts/, sorted.</summary>
    public static IEnumerable<string> JsonFilesIn(params string[] parts) =>
        System.IO.Directory.EnumerateFiles(PathOf(parts), "*.json")
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal);

    public static EvaluationResults Evaluate(JsonSchema schema, JsonElement instance) =>
        schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });

    /// <summary>
    /// Where and why an instance failed: the instance location (a JSON Pointer) and the keyword of each
    /// error. A false schema (<c>additionalProperties: false</c>) reports its error without a keyword;
    /// the keyword is then the last step of the error's evaluation path.
    /// </summary>
    public static IReadOnlyList<(string Location, string Keyword)> Failures(EvaluationResults results) =>
        [
            .. (results.Details ?? [results])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Keys.Select(keyword =>
                    (d.InstanceLocation.ToString(), keyword.Length > 0 ? keyword : d.EvaluationPath.ToString().Split('/')[^1]))),
        ];

    /// <summary>The evaluation results as JSON, for assertion messages.</summary>
    public static string Describe(EvaluationResults results) =>
        JsonSerializer.Serialize(results, Indented);

    private static Dictionary<string, JsonSchema> LoadSchemaFiles()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return JsonFilesIn("schemas").ToDictionary(name => name, name => JsonSchema.FromText(Read("schemas", name), options), StringComparer.Ordinal);
    }

    private static string FindContracts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RevenueShare.sln")))
            {
                var contracts = Path.Combine(dir.FullName, "contracts");
                return System.IO.Directory.Exists(contracts)
                    ? contracts
                    : throw new DirectoryNotFoundException($"No contracts/ folder beside {dir.FullName}/RevenueShare.sln.");
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds RevenueShare.sln.");
    }
}
