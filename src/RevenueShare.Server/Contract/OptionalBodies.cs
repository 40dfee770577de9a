using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RevenueShare.Server.Contract;

/// <summary>
/// An optional body (a trigger's <c>{reason?, from?}</c>, bound as a nullable record) is declared as an
/// optional request body of its component, not as "null or the component": a client leaves the body out
/// rather than sending <c>null</c>, and its generator gets the component's type instead of a union.
/// </summary>
public sealed class OptionalBodies : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var body in operation.RequestBody?.Content?.Values.OfType<OpenApiMediaType>() ?? [])
        {
            if (body.Schema is OpenApiSchema { OneOf: [OpenApiSchema { Type: JsonSchemaType.Null }, var component] })
            {
                body.Schema = component;
            }
        }

        return Task.CompletedTask;
    }
}
