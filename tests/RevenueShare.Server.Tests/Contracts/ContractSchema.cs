using System.Text.Json;
using Json.Schema;

namespace RevenueShare.Server.Tests.Contracts;

/// <summary>
/// One shape as the two published contracts describe it: the schema file under contracts/schemas and the
/// OpenAPI document's component. Every verdict in the contract tests is asked of both.
/// </summary>
internal sealed class ContractSchema(string file, string component)
{
    private readonly Lazy<JsonSchema> openApi = new(() => ContractFiles.OpenApiSchema(component));

    public string File => file;

    public string Component => component;

    public JsonSchema FromFile => ContractFiles.FileSchema(file);

    public JsonSchema FromOpenApi => openApi.Value;

    /// <summary>Both verdicts, the file's first.</summary>
    public (EvaluationResults File, EvaluationResults OpenApi) Evaluate(JsonElement instance) =>
        (ContractFiles.Evaluate(FromFile, instance), ContractFiles.Evaluate(FromOpenApi, instance));

    public override string ToString() => $"{file} / components.schemas.{component}";
}
