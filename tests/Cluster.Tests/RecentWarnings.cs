using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Lianxin.Cluster.Tests;

/// <summary>
/// A web host's latest warnings and errors with their exceptions, for a failed test's report: the web hosts run inside
/// the test process, whose console the report does not show.
/// </summary>
internal sealed class RecentWarnings : ILogEventSink
{
    private const int Kept = 200;

    private readonly ConcurrentQueue<string> _lines = new();

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level < LogEventLevel.Warning)
        {
            return;
        }

        _lines.Enqueue($"[{logEvent.Timestamp:HH:mm:ss.fff} {logEvent.Level}] {logEvent.RenderMessage()}{(logEvent.Exception is { } e ? "\n" + e : "")}");
        while (_lines.Count > Kept && _lines.TryDequeue(out _))
        {
        }
    }

    public IEnumerable<string> Lines() => _lines;
}
