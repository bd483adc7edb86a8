using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Lianxin.Grains.Tests.Shifts;

/// <summary>Keeps every line a silo logs (message and exception), to show what never appears in them.</summary>
public sealed class KeptLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(KeptLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Lines.Enqueue($"{formatter(state, exception)} {exception}");
    }
}
