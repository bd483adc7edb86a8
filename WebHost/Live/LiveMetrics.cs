using System.Diagnostics.Metrics;
using Lianxin.Common.Telemetry;

namespace Lianxin.WebHost.Live;

/// <summary>
/// Live push instruments (meter <c>Lianxin.Live</c>). Open connections are SignalR's own
/// <c>signalr.server.active_connections</c>; these say how deltas fare on their way to them.
/// </summary>
internal static class LiveMetrics
{
    private static readonly Meter Meter = new("Lianxin.Live");

    public static readonly Histogram<double> PushDuration = Meter.Duration("lianxin.live.push.duration",
        "Time to hand one delta to the connections of its scope on this web host");

    public static readonly Counter<long> Deltas = Meter.CreateCounter<long>("lianxin.live.deltas", "{delta}",
        "Deltas from the live feeds: pushed, dropped as stale, or waited for a missing one (then pushed too)");

    public static void Received(string outcome) => Deltas.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
