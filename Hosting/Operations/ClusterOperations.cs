using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace Lianxin.Hosting.Operations;

/// <summary>
/// What silos and cluster clients add for operators: recorded traces carried through grain calls, Orleans' dashboard
/// (its grain-call profiler on the silos, its pages on the web hosts) and TLS between them when configured.
/// </summary>
public static class ClusterOperations
{
    public static ISiloBuilder AddLianxinOperations(this ISiloBuilder silo, IConfiguration configuration)
    {
        var telemetry = configuration.ReadTelemetryOptions();
        if (telemetry.TracesOn)
        {
            silo.AddOutgoingGrainCallFilter<RecordedTrace.OutgoingCalls>();
            silo.AddIncomingGrainCallFilter<RecordedTrace.IncomingCalls>();
        }

        if (telemetry.Enabled && telemetry.ClusterDashboard)
        {
            // The live log stream would show log lines to anyone who may open the dashboard: it stays off.
            silo.AddDashboard(o => o.HideTrace = true);
        }

        ClusterTls.Apply(silo, configuration);
        return silo;
    }

    public static IClientBuilder AddLianxinOperations(this IClientBuilder client, IConfiguration configuration)
    {
        var telemetry = configuration.ReadTelemetryOptions();
        if (telemetry.TracesOn)
        {
            client.AddOutgoingGrainCallFilter<RecordedTrace.OutgoingCalls>();
        }

        if (telemetry.Enabled && telemetry.ClusterDashboard)
        {
            client.AddDashboard(o => o.HideTrace = true);
        }

        ClusterTls.Apply(client, configuration);
        return client;
    }
}
