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

    public static string Directory => Root.Value;

    public static JsonSchema AgreementSchema => AgreementSchemaLazy.Value;

    public static JsonSchema FigureBatchSchema => FigureBatchSchemaLazy.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>File names (not paths) of the JSON files in a folder under contracts/, sorted.</summary>
    public static IEnumerable<string> JsonFilesIn(params string[] parts) =>
        System.IO.Directory.EnumerateFiles(PathOf(parts), "*.json")
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal);

    public static EvaluationResults Evaluate(JsonSchema schema, JsonElement instance) =>
        schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });

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
