using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using RevenueShare.Server.Api;
using RevenueShare.Server.Http;

namespace RevenueShare.Server.Contract;

/// <summary>
/// Declares on every operation the error statuses it can answer, each as <c>application/problem+json</c>
/// of the <c>ProblemDetails</c> component, described by the problem types of that status
/// (<see cref="ProblemCatalogue"/>). The statuses are the route's own (<c>ProducesProblem</c> in the API's
/// mapping: 400 for its parameters, 403, 404, 409, 429 busy) and those every route of its kind gets from
/// the pipeline: 401 and 429 throttled where a token is needed, 400, 413 and 415 where a body is taken,
/// 414, 431 (the request's head) and 503 everywhere.
/// </summary>
public sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public const string MediaType = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var statuses = new SortedSet<int>(metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).Where(s => s >= 400))
        {
            StatusCodes.Status414UriTooLong,
            StatusCodes.Status431RequestHeaderFieldsTooLarge,
            StatusCodes.Status503ServiceUnavailable,
        };
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
        }

        if (!metadata.OfType<DisableRateLimitingAttribute>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        if (operation.RequestBody is not null)
        {
            statuses.UnionWith([StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
        }

        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = Describe(status, metadata),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [MediaType] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) },
                },
            };
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The problem types a status can carry, by name, with when each happens: a 429 is busy only where the
    /// route declares it (figures), and a whole batch's rejection comes only from the figure batch, at the
    /// status of its first report.
    /// </summary>
    private static string Describe(int status, IList<object> metadata)
    {
        var types = ProblemCatalogue.All.Where(t => t.Status == status && t != ProblemCatalogue.BatchRejected).ToList();
        if (status == StatusCodes.Status429TooManyRequests && !metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
        {
            types.Remove(ProblemCatalogue.Busy);
        }

        if (status is 400 or 403 or 404 or 409 && metadata.OfType<IEndpointNameMetadata>().Any(n => n.EndpointName == FiguresApi.OperationName))
        {
            types.Add(ProblemCatalogue.BatchRejected);
        }

        return string.Join("\n\n", types.Select(t => $"`{t.Uri}`: {t.When}"));
    }
}
