using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

/// <summary>Keeps every log line ("category: message exception") for a test to look at.</summary>
internal sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Collecting(lines, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collecting(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
