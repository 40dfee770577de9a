using System.Text.Json;
using Json.Schema;

namespace RevenueShare.Server.Tests.Contracts;

/// <summary>Locates the repository's contracts/ folder and loads its schemas once.</summary>
internal static class ContractFiles
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly Lazy<string> Root = new(FindContracts);
    private static readonly Lazy<JsonSchema> AgreementSchemaLazy = new(() => LoadSchema("agreement.schema.json"));
    private static readonly Lazy<JsonSchema> FigureBatchSchemaLazy = new(() => LoadSchema("figure-batch.schema.json"));
    private static readonly Lazy<JsonSchema> TriggerSchemaLazy = new(() => LoadSchema("trigger.schema.json"));
    private static readonly Lazy<JsonSchema> ReviewSchemaLazy = new(() => LoadSchema("review.schema.json"));

    public static string Directory => Root.Value;

    public static JsonSchema AgreementSchema => AgreementSchemaLazy.Value;

    public static JsonSchema FigureBatchSchema => FigureBatchSchemaLazy.Value;

    public static JsonSchema TriggerSchema => TriggerSchemaLazy.Value;

    public static JsonSchema ReviewSchema => ReviewSchemaLazy.Value;

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

    private static JsonSchema LoadSchema(string name) => JsonSchema.FromText(Read("schemas", name));

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
