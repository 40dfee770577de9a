using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RevenueShare.Server.Http;

/// <summary>
/// The limits on a request's head: its request line, the number of its header lines and their total
/// size. Kestrel answers a request past its own limits by itself, before any middleware, with a bare
/// status and no body — that cannot be customised (docs/decisions.md, "HTTP floor"). So Kestrel's
/// limits are set at <see cref="KestrelMargin"/> times ours, and this middleware, right after the
/// error handlers, refuses what passes ours with 414 or 431 problem+json (a page, with its Chinese
/// error page). Only a head past the margin still meets Kestrel's bare answer.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    /// <summary>Kestrel's default: a request line (method, target, version) of at most 8 KiB.</summary>
    public const int MaxRequestLineBytes = 8 * 1024;

    /// <summary>Kestrel's default: at most 100 header lines.</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>Kestrel's default: header lines of at most 32 KiB together.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    private const int KestrelMargin = 2;

    public static void ConfigureKestrel(KestrelServerLimits limits)
    {
        limits.MaxRequestLineSize = MaxRequestLineBytes * KestrelMargin;
        limits.MaxRequestHeaderCount = MaxHeaderCount * KestrelMargin;
        limits.MaxRequestHeadersTotalSize = MaxHeaderBytes * KestrelMargin;
    }

    public Task InvokeAsync(HttpContext context)
    {
        // A page refused here is re-executed to its error page with the same head: let that through.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && Refusal(context) is { } problem)
        {
            return PageRequests.RefuseAsync(context, problem);
        }

        return next(context);
    }

    /// <summary>The limit the request's head passes, counted as Kestrel counts it (each line with its CRLF).</summary>
    private static ProblemDetails? Refusal(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        var line = request.Method.Length + 1 + target.Length + 1 + request.Protocol.Length + 2;
        if (line > MaxRequestLineBytes)
        {
            return Problems.ForStatus(
                StatusCodes.Status414UriTooLong, $"The request line is {line} bytes long; at most {MaxRequestLineBytes} are accepted.");
        }

        var count = 0;
        var bytes = 2;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                count++;
                bytes += name.Length + 2 + (value?.Length ?? 0) + 2;
            }
        }

        return count > MaxHeaderCount || bytes > MaxHeaderBytes
            ? Problems.ForStatus(
                StatusCodes.Status431RequestHeaderFieldsTooLarge,
                $"The request has {count} header lines of {bytes} bytes; at most {MaxHeaderCount} lines of {MaxHeaderBytes} bytes together are accepted.")
            : null;
    }
}
