using System.Diagnostics.Metrics;
using Lianxin.Common.Telemetry;

namespace Lianxin.Emergencies;

/// <summary>
/// Mobilization instruments (meter <c>Lianxin.Emergencies</c>): launches, people reached, roll-call answers and the
/// outbound gateways' attempts, so an operator on duty sees a roll-call progress and a failing SMS gateway at once.
/// </summary>
internal static class EmergencyMetrics
{
    private static readonly Meter Meter = new("Lianxin.Emergencies");

    public static readonly Counter<long> Launches = Meter.CreateCounter<long>("lianxin.emergency.launches", "{emergency}", "Emergencies launched, by mode");

    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>("lianxin.alert.deliveries", "{person}",
        "People an alert was handed to an outbound gateway for, by channel and outcome (sent, failed)");

    public static readonly Counter<long> Answers = Meter.CreateCounter<long>("lianxin.rollcall.answers", "{answer}", "Roll-call answers recorded, by status");

    public static readonly Counter<long> GatewayAttempts = Meter.CreateCounter<long>("lianxin.gateway.attempts", "{attempt}",
        "Outbound gateway requests, by gateway host and outcome (ok, failed)");

    public static readonly Histogram<double> GatewayDuration = Meter.Duration("lianxin.gateway.attempt.duration",
        "Time of one outbound gateway request, until its answer or its timeout");

    public static void Attempt(Uri? url, bool ok, TimeSpan elapsed)
    {
        var host = url?.Authority ?? "invalid";
        var tags = new System.Diagnostics.TagList { { "gateway", host }, { "outcome", ok ? "ok" : "failed" } };
        GatewayAttempts.Add(1, tags);
        GatewayDuration.Record(elapsed.TotalSeconds, tags);
    }
}
