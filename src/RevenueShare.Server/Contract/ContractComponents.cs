using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace RevenueShare.Server.Contract;

/// <summary>Housekeeping of the document's components once the transformers have replaced some of them.</summary>
public static partial class ContractComponents
{
    /// <summary>
    /// Drops every schema component that no operation reaches, directly or through other components:
    /// a client generated from the document should meet no type the API never sends or takes.
    /// </summary>
    public static void DropUnreferenced(OpenApiDocument document)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(ReferencesIn(document.Paths));
        while (pending.TryDequeue(out var name))
        {
            if (reached.Add(name) && schemas.TryGetValue(name, out var schema))
            {
                foreach (var next in ReferencesIn(schema))
                {
                    pending.Enqueue(next);
                }
            }
        }

        foreach (var name in schemas.Keys.Where(name => !reached.Contains(name)).ToList())
        {
            schemas.Remove(name);
        }
    }

    /// <summary>The schema components an element refers to, read from its own serialization (a reference serializes as its <c>$ref</c>).</summary>
    private static List<string> ReferencesIn(IOpenApiSerializable element)
    {
        using var text = new StringWriter();
        element.SerializeAsV31(new OpenApiJsonWriter(text));
        return SchemaReference().Matches(text.ToString()).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("\"\\$ref\":\\s*\"#/components/schemas/(?<name>[^\"]+)\"")]
    private static partial Regex SchemaReference();
}
