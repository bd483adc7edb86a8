using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Lianxin.Hosting;

/// <summary>Structured logs through Serilog: readable console lines, or compact JSON when <c>Logging:Json</c> is true.</summary>
public static class LoggingConfiguration
{
    public static IHostApplicationBuilder AddLianxinLogging(this IHostApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue("Logging:Json", false);
        // Every line carries the trace and span ids of the activity it was written in (Serilog takes them from
        // Activity.Current): compact JSON writes them as @tr and @sp, so a trace leads to its log lines.
        // Each host keeps a logger of its own (preserveStaticLogger): with the static one, every host of a process
        // (a web host beside a silo, a test's many hosts) would write through the last one built, and the first one
        // disposed would silence them all.
        builder.Services.AddSerilog((services, logger) =>
        {
            logger
                .ReadFrom.Configuration(builder.Configuration)
                // Sinks and enrichers registered as services join in (a test's capturing sink, for one).
                .ReadFrom.Services(services)
                .MinimumLevel.Information()
                // Orleans logs membership and placement chatter at Information; Polly logs every retry.
                .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
                .MinimumLevel.Override("Polly", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .Enrich.FromLogContext()
                // ASP.NET Core's request scope adds the path as sent to every line of a request: paths carry people's ids.
                .Enrich.With(new DropRequestPath());
            // The console is written in batches from the background: a request that logs (every request, with the
            // request log on) only queues its line. Serilog's own batching sink wakes its reader without spinning, one
            // wake-up per batch of lines (Serilog.Sinks.Async's reader spun on every empty wait: a sixth of the samples
            // of a busy host's profile, though it yielded its core and the host's CPU per request did not move,
            // BENCHMARKS.md (11)). A console that stays blocked for 100,000 lines loses the lines after.
            logger.WriteTo.Sink(new ConsoleBatches(json), new Serilog.Configuration.BatchingOptions
            {
                BatchSizeLimit = 1_000,
                BufferingTimeLimit = TimeSpan.FromMilliseconds(50),
                EagerlyEmitFirstEvent = true,
                QueueLimit = 100_000,
            });
        }, preserveStaticLogger: true);
        return builder;
    }
}

/// <summary>
/// Writes batches of events to standard output, as readable lines or compact JSON, from the batching sink's reader: a
/// batch goes out in one write. Serilog's console sink flushes after every line, two system calls a line (0.24 µs of
/// every kiosk event on a host logging a line per request), and whatever reads the pipe (a pod's container runtime)
/// then reads a line at a time (BENCHMARKS.md (1u)). Nothing else in the hosts writes to standard output, so the
/// batches do not interleave with other lines.
/// </summary>
internal sealed class ConsoleBatches(bool json) : Serilog.Core.IBatchedLogEventSink, IDisposable
{
    private readonly Serilog.Formatting.ITextFormatter _formatter = json
        ? new RenderedCompactJsonFormatter()
        : new Serilog.Formatting.Display.MessageTemplateTextFormatter(
            "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", System.Globalization.CultureInfo.InvariantCulture);

    private readonly StreamWriter _output = new(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 64 * 1024) { AutoFlush = false };

    public Task EmitBatchAsync(IReadOnlyCollection<LogEvent> batch)
    {
        foreach (var logEvent in batch)
        {
            _formatter.Format(logEvent, _output);
        }

        _output.Flush();
        return Task.CompletedTask;
    }

    public void Dispose() => _output.Dispose();
}

/// <summary>Removes the <c>RequestPath</c> the request's logging scope adds; the request log names the route template instead.</summary>
internal sealed class DropRequestPath : Serilog.Core.ILogEventEnricher
{
    public void Enrich(Serilog.Events.LogEvent logEvent, Serilog.Core.ILogEventPropertyFactory propertyFactory) =>
        logEvent.RemovePropertyIfPresent("RequestPath");
}
