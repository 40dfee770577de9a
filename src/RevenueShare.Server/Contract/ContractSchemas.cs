using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using RevenueShare.Domain.Documents;
using RevenueShare.Server.Api.Wire;

namespace RevenueShare.Server.Contract;

/// <summary>
/// Makes the committed JSON Schemas (<c>contracts/schemas/*.schema.json</c>) the OpenAPI document's
/// components for the shapes they describe, so the two contracts are one: each file's root replaces the
/// component the framework generated from the C# type the route binds, each of its <c>$defs</c> becomes
/// a component of its own (<c>$defs/term</c> is <c>Term</c>), and every <c>$ref</c> is pointed at the
/// component. Nothing else changes: patterns, enums, required sets and <c>additionalProperties</c> are
/// the files' own (docs/decisions.md, One schema source). Components no longer referenced (the generated
/// parts of a replaced shape) are dropped.
/// </summary>
public sealed class ContractSchemas(ServeOptions options) : IOpenApiDocumentTransformer
{
    /// <summary>Each schema file and the component (the C# type bound or answered) it describes.</summary>
    public static IReadOnlyList<(string File, string Component)> Files { get; } =
    [
        ("agreement.schema.json", nameof(AgreementDocument)),
        ("amendment.schema.json", nameof(AmendmentRequest)),
        ("figure-batch.schema.json", nameof(FigureBatchRequest)),
        ("trigger.schema.json", nameof(TriggerRequest)),
        ("review.schema.json", nameof(ReviewRequest)),
        ("factor-report.schema.json", nameof(FactorReportDocument)),
        ("certify.schema.json", nameof(CertifyRequest)),
        ("problem.schema.json", nameof(ProblemDetails)),
    ];

    private const string ComponentPrefix = "#/components/schemas/";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (file, component) in Files)
        {
            var root = JsonNode.Parse(File.ReadAllText(Path.Combine(options.ContractsDirectory, "schemas", file)))!.AsObject();
            if (root["$defs"] is JsonObject defs)
            {
                foreach (var (name, def) in defs)
                {
                    Add(schemas, ComponentOf(name), Rewrite(def!.DeepClone(), component));
                }
            }

            root.Remove("$schema");
            root.Remove("$id");
            root.Remove("$defs");
            Add(schemas, component, Rewrite(root, component));
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var (name, json) in schemas)
        {
            document.Components.Schemas[name] = Parse(name, json, document);
        }

        ContractComponents.DropUnreferenced(document);
        return Task.CompletedTask;
    }

    /// <summary>The component a <c>$defs</c> entry becomes: its name with a capital (<c>ratioStep</c> is <c>RatioStep</c>).</summary>
    public static string ComponentOf(string defName) => char.ToUpperInvariant(defName[0]) + defName[1..];

    private static void Add(Dictionary<string, JsonNode> schemas, string name, JsonNode schema)
    {
        // Two files may define the same building block (a month) only identically.
        if (schemas.TryGetValue(name, out var other) && !JsonNode.DeepEquals(other, schema))
        {
            throw new InvalidOperationException($"contracts/schemas define '{name}' twice, differently.");
        }

        schemas[name] = schema;
    }

    /// <summary>
    /// Points every <c>$ref</c> at its component: <c>#/$defs/x</c> and <c>file.schema.json#/$defs/x</c>
    /// at <c>X</c>, <c>#</c> and <c>file.schema.json</c> at the file's root component. A <c>$ref</c> with
    /// sibling keywords (a text with its own <c>maxLength</c>) becomes an <c>allOf</c> of the reference
    /// and the siblings, which 2020-12 evaluates alike, because the OpenAPI model keeps only a
    /// description beside a reference. <paramref name="self"/> is the component of the file being read.
    /// </summary>
    private static JsonNode Rewrite(JsonNode node, string self)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is { } child && key != "$ref" && key != "enum" && key != "default")
                    {
                        obj[key] = Rewrite(child.DeepClone(), self);
                    }
                }

                if (obj["$ref"] is JsonValue reference)
                {
                    var target = new JsonObject { ["$ref"] = ComponentPrefix + Target(reference.GetValue<string>(), self) };
                    obj.Remove("$ref");
                    if (obj.Count == 0)
                    {
                        return target;
                    }

                    obj["allOf"] = new JsonArray(target);
                }

                return obj;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => item is null ? null : Rewrite(item.DeepClone(), self))]);
            default:
                return node;
        }
    }

    private static string Target(string reference, string self)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var file = hash < 0 ? reference : reference[..hash];
        var pointer = hash < 0 ? "" : reference[(hash + 1)..];
        if (pointer.StartsWith("/$defs/", StringComparison.Ordinal) && !pointer[7..].Contains('/', StringComparison.Ordinal))
        {
            return ComponentOf(pointer[7..]);
        }

        if (pointer.Length == 0)
        {
            return file.Length == 0 ? self : Files.Single(f => f.File == file).Component;
        }

        throw new InvalidOperationException($"contracts/schemas: '$ref' {reference} points inside a definition; refer to a $defs entry.");
    }

    private static OpenApiSchema Parse(string name, JsonNode json, OpenApiDocument document)
    {
        var schema = OpenApiModelFactory.Parse<OpenApiSchema>(json.ToJsonString(), OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic, "json");
        if (schema is null || diagnostic?.Errors is { Count: > 0 })
        {
            throw new InvalidOperationException(
                $"contracts/schemas: '{name}' is not an OpenAPI 3.1 schema: {string.Join("; ", diagnostic?.Errors.Select(e => e.Message) ?? [])}");
        }

        return schema;
    }
}
