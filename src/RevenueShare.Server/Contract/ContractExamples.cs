using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RevenueShare.Server.Contract;

/// <summary>
/// Puts the committed examples (<c>contracts/examples</c>) into the document as the request examples of
/// the routes that take them: the six agreements for proposing one, the restatements batch for figures
/// (the year's batches are too long to read as an example). Examples are the files themselves, so the
/// tests that hold the files to the schemas hold the document's examples too.
/// </summary>
public sealed class ContractExamples(ServeOptions options) : IOpenApiDocumentTransformer
{
    private static readonly (string Path, HttpMethod Method, string Folder, string[] Files)[] Uses =
    [
        ("/api/agreements", HttpMethod.Post, "agreements", ["two-party", "schedule-change", "baseline", "capped-jjj", "three-parties", "double-count", "weighted-apportionment", "yuexiu-relocation"]),
        ("/api/figures", HttpMethod.Post, "figures", ["restatements-2025"]),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (path, method, folder, files) in Uses)
        {
            if (document.Paths.TryGetValue(path, out var item)
                && item.Operations?.TryGetValue(method, out var operation) == true
                && operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true
                && json is OpenApiMediaType body)
            {
                body.Examples = files.ToDictionary(
                    file => file,
                    file => (IOpenApiExample)new OpenApiExample
                    {
                        Summary = $"contracts/examples/{folder}/{file}.json",
                        Value = JsonNode.Parse(File.ReadAllText(Path.Combine(options.ContractsDirectory, "examples", folder, file + ".json"))),
                    },
                    StringComparer.Ordinal);
            }
        }

        return Task.CompletedTask;
    }
}
