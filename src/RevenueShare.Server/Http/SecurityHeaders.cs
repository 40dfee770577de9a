namespace RevenueShare.Server.Http;

/// <summary>
/// Security headers on every answer — pages, static files, the API and error answers alike
/// (docs/decisions.md, "The offices' pages"). Set when the answer starts, so middleware that clears
/// the response on the way (the exception handler) cannot drop them, and so they win over the
/// anti-forgery's own <c>X-Frame-Options: SAMEORIGIN</c>.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// Nothing inline, nothing from elsewhere: pages load their script and style from our own files
    /// (charts read their options from JSON blocks), so an injected fragment cannot run.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";

            // Addresses carry agreement numbers and district codes; they go nowhere, not even to our own pages.
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
