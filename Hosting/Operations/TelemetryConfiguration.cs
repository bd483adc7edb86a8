using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Lianxin.Hosting.Operations;

/// <summary>
/// OpenTelemetry for every Lianxin host, silo and web host alike: metrics of ASP.NET Core, Kestrel, SignalR, HttpClient,
/// Npgsql, the runtime, Orleans and the product's own meters (<c>Lianxin.*</c>); traces from HTTP through grain calls
/// to SQL and outbound gateways. Pushed over OTLP when <c>Telemetry:OtlpEndpoint</c> is set, scraped by Prometheus on
/// <c>Telemetry:PrometheusPort</c>. Log lines carry the trace and span ids of the work they belong to (Serilog takes
/// them from the current activity), so a trace leads to its logs and back.
/// </summary>
public static class TelemetryConfiguration
{
    /// <summary>The meters every host exports; instruments of other meters stay unexported.</summary>
    public static readonly IReadOnlyList<string> Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authorization",
        "System.Net.Http",
        "System.Runtime",
        "Npgsql",
        "Microsoft.Orleans*",
        "Lianxin.*",
    ];

    /// <summary>
    /// Instruments of those meters that are not exported: gauges whose every reading walks what grows with the host's
    /// actors (Orleans 10.4 counts its directory cache and sums every activation's requests entry by entry; the runtime
    /// takes every timer queue's lock to count timers, and each actor has timers). With 20,000 people a host paid
    /// 9 ms a reading, every scrape; no panel of the Grafana dashboard uses them (BENCHMARKS.md (1u)).
    /// </summary>
    public static readonly IReadOnlyList<string> Unread =
    [
        "orleans-directory-cache-size",
        "orleans-messaging-processing-activation-data",
        "dotnet.timer.count",
    ];

    public static TelemetryOptions ReadTelemetryOptions(this IConfiguration configuration) =>
        configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();

    public static IHostApplicationBuilder AddLianxinTelemetry(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.ReadTelemetryOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        var serviceName = options.ServiceName ?? builder.Environment.ApplicationName;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName,
                serviceInstanceId: Environment.GetEnvironmentVariable("POD_NAME") ?? Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. Meters]);
                foreach (var instrument in Unread)
                {
                    metrics.AddView(instrument, MetricStreamConfiguration.Drop);
                }

                if (options.PrometheusPort is { } port)
                {
                    metrics.AddPrometheusHttpListener(o =>
                    {
                        o.Host = options.PrometheusHost;
                        o.Port = port;
                    });
                }

                if (options.OtlpEndpoint is { Length: > 0 } endpoint)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
                }
            });

        if (options.TracesOn)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing
                    .SetSampler(new ParentBasedSampler(new RecordedTrace.RequestSampler(Math.Clamp(options.TraceSampleRatio, 0, 1))))
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource("Lianxin.*");
                if (options.OtlpEndpoint is { Length: > 0 } endpoint)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
                }
            });
        }

        return builder;
    }

    /// <summary>Probes hit every pod every few seconds: tracing them would bury the traces worth reading.</summary>
    internal static bool IsProbe(Microsoft.AspNetCore.Http.PathString path) => path.StartsWithSegments("/health");
}
