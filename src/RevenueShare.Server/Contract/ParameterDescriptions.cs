using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RevenueShare.Server.Contract;

/// <summary>
/// Describes each route and query parameter by its name, once for the whole API: a parameter means the
/// same wherever it appears (a month is YYYY-MM, a district a code of the catalogue), so the words and
/// the schema live in one table rather than on every handler. A route's own meaning of a name
/// (<c>format</c> of the lifecycle graph) is a row keyed <c>name@route</c>. A parameter the table does
/// not know keeps what the framework generated, and the contract tests fail until it has a row.
/// </summary>
public sealed partial class ParameterDescriptions : IOpenApiOperationTransformer
{
    /// <summary>An agreement's number as <c>AgreementId</c> reads it: GZ-, four digits of year, at least four of number.</summary>
    private const string AgreementNumber = "^GZ-\\d{4}-\\d{4,}$";

    private const string LifecycleRoute = "api/agreements/{id}/lifecycle";
    private const string AgreementTriggerRoute = "api/agreements/{id}/{trigger}";
    private const string AmendmentTriggerRoute = "api/agreements/{id}/amendments/{number}/{trigger}";

    private static readonly Dictionary<string, (string Description, Func<OpenApiDocument, IOpenApiSchema> Schema)> Table = new(StringComparer.Ordinal)
    {
        ["id"] = ("The agreement's number, GZ-<year>-<number> (GZ-2026-0001).", _ => Text(AgreementNumber)),
        ["code"] = ("The district's code in the catalogue (440106 for 天河区).", d => Component("District", d)),
        ["enterprise"] = ("The enterprise's unified social credit code (统一社会信用代码), one the agreement covers.", d => Component("CreditCode", d)),
        ["number"] = ("The amendment's number within its agreement, from 1.", _ => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" }),
        ["month"] = ("The month, YYYY-MM.", d => Component("Month", d)),
        ["from"] = ("The first month (YYYY-MM), included.", d => Component("Month", d)),
        ["to"] = ("The last month (YYYY-MM), included; not before from.", d => Component("Month", d)),
        ["year"] = ("The calendar year.", _ => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "9999" }),
        ["agreement"] = ("Only this agreement's entries (its number, GZ-2026-0001).", _ => Text(AgreementNumber)),
        ["district"] = ("Only this district's entries (its code, 440106).", d => Component("District", d)),
        ["indicator"] = ("Only this indicator's entries.", d => Component("Indicator", d)),
        ["format"] = ("json (the default) or csv. Without it, Accept: text/csv asks for CSV; an explicit format wins.", _ => Enum("json", "csv")),
        ["asOf"] = ("An instant (ISO-8601 with its offset, e.g. 2025-07-01T00:00:00Z or 2025-07-01T08:00:00+08:00): the answer the ledger gave at that instant, leaving out every entry and figure booked after it. Not after the present; a malformed or future instant is a 400 problem at the path asOf.", _ => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }),
        ["format@" + LifecycleRoute] = ("mermaid (the default; text/plain) or dot (Graphviz; text/vnd.graphviz).", _ => Enum("mermaid", "dot")),
        ["trigger@" + AgreementTriggerRoute] = ("The lifecycle trigger; who may fire which, and when, is the lifecycle table of docs/agreements.md.", _ => Enum("submit", "countersign", "approve", "reject", "withdraw", "suspend", "resume", "terminate")),
        ["trigger@" + AmendmentTriggerRoute] = ("The amendment's trigger.", _ => Enum("countersign", "approve", "reject", "withdraw")),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // The route as the document names it: without its constraints ({number:int} is {number}).
        var route = RouteConstraint().Replace(context.Description.RelativePath?.Split('?')[0] ?? "", "{${name}}");
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && (Table.TryGetValue(name + "@" + route, out var row) || Table.TryGetValue(name, out row)))
            {
                parameter.Description = row.Description;
                parameter.Schema = row.Schema(context.Document!);
            }
        }

        return Task.CompletedTask;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(?<name>\w+):[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex RouteConstraint();

    private static OpenApiSchema Text(string pattern) => new() { Type = JsonSchemaType.String, Pattern = pattern };

    private static OpenApiSchema Enum(params string[] values) =>
        new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)v)] };

    private static OpenApiSchemaReference Component(string name, OpenApiDocument document) => new(name, document);
}
