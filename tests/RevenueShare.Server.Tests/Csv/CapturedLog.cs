using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RevenueShare.Server.Tests.Csv;

/// <summary>
/// Every entry a running server logs from now on, as a console would print it (message and exception), under
/// the server's own filters: for tests that prove what never reaches a log.
/// </summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    private CapturedLog()
    {
    }

    public string Text => string.Join('\n', entries);

    public static CapturedLog Of(WebApplication app)
    {
        var log = new CapturedLog();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        return log;
    }

    public ILogger CreateLogger(string categoryName) => new Entries(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Entries(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}\n{exception}");
    }
}
