using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace Lianxin.Hosting.Operations;

/// <summary>
/// What silos and cluster clients add for operators: trace context carried through grain calls, Orleans' dashboard
/// (its grain-call profiler on the silos, its pages on the web hosts) and TLS between them when configured.
/// </summary>
public static class ClusterOperations
{
    /// <summary>
    /// How often the dashboard samples the meters: every 10 s rather than its default of every second. A sample
    /// observes every gauge, and Orleans' activation and directory gauges walk every activation: at one a second that
    /// was 3.5 % of the host's CPU under full kiosk load with 20,000 people active (BENCHMARKS.md (1l)).
    /// </summary>
    private const int DashboardSampleMilliseconds = 10_000;

    private static void Configure(DashboardOptions dashboard)
    {
        // The live log stream would show log lines to anyone who may open the dashboard: it stays off.
        dashboard.HideTrace = true;
        dashboard.CounterUpdateIntervalMs = DashboardSampleMilliseconds;
    }

    public static ISiloBuilder AddLianxinOperations(this ISiloBuilder silo, IConfiguration configuration)
    {
        var telemetry = configuration.ReadTelemetryOptions();
        if (telemetry.TracesOn)
        {
            silo.AddActivityPropagation();
        }

        if (telemetry.Enabled && telemetry.ClusterDashboard)
        {
            silo.AddDashboard(Configure);
        }

        ClusterTls.Apply(silo, configuration);
        return silo;
    }

    public static IClientBuilder AddLianxinOperations(this IClientBuilder client, IConfiguration configuration)
    {
        var telemetry = configuration.ReadTelemetryOptions();
        if (telemetry.TracesOn)
        {
            client.AddActivityPropagation();
        }

        if (telemetry.Enabled && telemetry.ClusterDashboard)
        {
            client.AddDashboard(Configure);
        }

        ClusterTls.Apply(client, configuration);
        return client;
    }
}
