using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace RevenueShare.Server.Contract;

/// <summary>
/// The ledger's records (an audit event's detail) hold NodaTime values, written by its converters as
/// strings: an instant in ISO-8601 UTC, a month as YYYY-MM. The framework, which does not know those
/// converters, would describe the types' members instead.
/// </summary>
public sealed class NodaTimeSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(Instant))
        {
            Replace(schema, "date-time", null);
        }
        else if (type == typeof(YearMonth))
        {
            Replace(schema, null, "^\\d{4}-(0[1-9]|1[0-2])$");
        }

        return Task.CompletedTask;
    }

    private static void Replace(OpenApiSchema schema, string? format, string? pattern)
    {
        schema.Type = JsonSchemaType.String;
        schema.Format = format;
        schema.Pattern = pattern;
        schema.Properties = null;
        schema.Required = null;
        schema.AdditionalProperties = null;
        schema.AdditionalPropertiesAllowed = true;
    }
}
