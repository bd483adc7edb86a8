using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;

namespace Lianxin.Hosting.Operations;

/// <summary>
/// What silos and cluster clients add for operators: recorded traces carried through grain calls, Orleans' dashboard
/// (its grain-call profiler on the silos, its pages on the web hosts) and TLS between them when configured.
/// </summary>
public static class ClusterOperations
{
    /// <summary>
    /// How often Orleans' dashboard samples the cluster. Each sample reads every Orleans meter, and two of Orleans' gauges
    /// walk the directory cache and the catalog to answer: once a second, with 20,000 people active, that was 0.8 µs of
    /// every kiosk event, 3 % of the host (BENCHMARKS.md (1s)). Every 5 s a chart moves as often as an operator reads it.
    /// </summary>
    public static readonly TimeSpan DashboardSampling = TimeSpan.FromSeconds(5);

    public static ISiloBuilder AddLianxinOperations(this ISiloBuilder silo, IConfiguration configuration)
    {
        var telemetry = configuration.ReadTelemetryOptions();
        if (telemetry.TracesOn)
        {
            silo.AddIncomingGrainCallFilter<RecordedTrace.IncomingCalls>();
        }

        if (telemetry.Enabled && telemetry.ClusterDashboard)
        {
            // The live log stream would show log lines to anyone who may open the dashboard: it stays off.
            silo.AddDashboard(o =>
            {
                o.HideTrace = true;
                o.CounterUpdateIntervalMs = (int)DashboardSampling.TotalMilliseconds;
            });
            SampleDashboardMeters(silo.Services);
            ProfiledWhileWatched.Replace(silo.Services);
        }

        ClusterTls.Apply(silo, configuration);
        return silo;
    }

    public static IClientBuilder AddLianxinOperations(this IClientBuilder client, IConfiguration configuration)
    {
        var telemetry = configuration.ReadTelemetryOptions();
        if (telemetry.Enabled && telemetry.ClusterDashboard)
        {
            client.AddDashboard(o => o.HideTrace = true);
        }

        ClusterTls.Apply(client, configuration);
        return client;
    }

    /// <summary>
    /// The dashboard's meter reader has an interval of its own, internal to it (<c>DashboardHost.ExportIntervalMilliseconds</c>
    /// in Orleans.Dashboard 10.4.2), so it is set where the dashboard makes its host. A dashboard without that property
    /// samples as it does; <c>ClusterDashboardTests</c> says so.
    /// </summary>
    private static void SampleDashboardMeters(IServiceCollection services)
    {
        var registration = services.FirstOrDefault(d => d.ServiceType.FullName == "Orleans.Dashboard.DashboardHost" && d.ImplementationType is not null);
        var interval = registration?.ServiceType.GetProperty("ExportIntervalMilliseconds", BindingFlags.Instance | BindingFlags.NonPublic);
        if (registration is null || interval is null)
        {
            return;
        }

        services.Remove(registration);
        services.AddSingleton(registration.ServiceType, provider =>
        {
            var host = ActivatorUtilities.CreateInstance(provider, registration.ServiceType);
            interval.SetValue(host, (int)DashboardSampling.TotalMilliseconds);
            return host;
        });
    }
}
