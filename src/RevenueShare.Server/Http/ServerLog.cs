namespace RevenueShare.Server.Http;

/// <summary>The server's log messages, generated at build time so a message below the log level costs nothing.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Request answered with {Status}")]
    public static partial void RequestAnswered(ILogger logger, Exception exception, int? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: {Failing}")]
    public static partial void NotReady(ILogger logger, string failing);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Stopping: new requests are answered 503; those in flight are finished, within {Bound} for the whole stop")]
    public static partial void Stopping(ILogger logger, TimeSpan bound);

    // The token is never logged: only where the attempt came from, where it went and how many so far.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication failed from {Address} on {Route}: {Failures} of {Limit} failures allowed in the window")]
    public static partial void AuthenticationFailed(ILogger logger, System.Net.IPAddress address, string route, int failures, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Address {Address} is refused (429) until its window of {Window} ends")]
    public static partial void AddressThrottled(ILogger logger, System.Net.IPAddress address, TimeSpan window);
}
