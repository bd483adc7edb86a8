using System.Diagnostics.Metrics;
using Lianxin.Common.Telemetry;

namespace Lianxin.Kiosks;

/// <summary>Ingest instruments (meter <c>Lianxin.Kiosks</c>): events by status and the time a batch takes to journal and apply.</summary>
internal static class KioskMetrics
{
    public static readonly Meter Meter = new("Lianxin.Kiosks");

    public static readonly Counter<long> Events = Meter.CreateCounter<long>("lianxin.ingest.events", "{event}", "Kiosk events by status (accepted, rejected, duplicate)");

    public static readonly Histogram<double> BatchDuration = Meter.Duration("lianxin.ingest.batch.duration",
        "Time to journal and apply one kiosk batch: the acknowledgement's share of the actor");

    /// <summary>Where a batch's time goes: <c>journal</c> (the durable append), <c>apply</c> (reading it back and applying).</summary>
    public static readonly Histogram<double> PhaseDuration = Meter.Duration("lianxin.ingest.batch.phase.duration",
        "Time of each phase of one kiosk batch");
}
