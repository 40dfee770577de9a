using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace RevenueShare.Server.Contract;

/// <summary>Declares a route's text answers (<see cref="TextAnswer"/>) beside its JSON one, as strings.</summary>
public sealed class TextAnswers : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<TextAnswer>().SingleOrDefault() is not { } text)
        {
            return Task.CompletedTask;
        }

        // A route answering only text (the graph) has no 200 the framework could see.
        operation.Responses ??= [];
        if (!operation.Responses.TryGetValue("200", out var answer) || answer is not OpenApiResponse ok)
        {
            ok = new OpenApiResponse();
            operation.Responses["200"] = ok;
        }

        ok.Content ??= new Dictionary<string, OpenApiMediaType>();
        foreach (var mediaType in text.MediaTypes)
        {
            ok.Content[mediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }

        ok.Description = ok.Description is null or "OK" ? text.When : ok.Description + " " + text.When;
        return Task.CompletedTask;
    }
}

/// <summary>Attaches <see cref="TextAnswer"/> to a route.</summary>
public static class TextAnswerExtensions
{
    public static RouteHandlerBuilder AnswersText(this RouteHandlerBuilder route, string when, params string[] mediaTypes) =>
        route.WithMetadata(new TextAnswer(when, mediaTypes));
}
