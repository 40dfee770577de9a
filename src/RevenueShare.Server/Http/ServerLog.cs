namespace RevenueShare.Server.Http;

/// <summary>The server's log messages, generated at build time so a message below the log level costs nothing.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Request answered with {Status}")]
    public static partial void RequestAnswered(ILogger logger, Exception exception, int? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: the read database did not answer")]
    public static partial void ReadDatabaseSilent(ILogger logger, Exception exception);
}
