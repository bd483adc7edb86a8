using System.Diagnostics.Metrics;

namespace Lianxin.Kiosks;

/// <summary>Ingest instruments (meter <c>Lianxin.Kiosks</c>): events by status and the time a batch takes to journal and apply.</summary>
internal static class KioskMetrics
{
    public static readonly Meter Meter = new("Lianxin.Kiosks");

    public static readonly Counter<long> Events = Meter.CreateCounter<long>("lianxin.kiosk.events", description: "Kiosk events by status");

    public static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>("lianxin.kiosk.batch.duration", "ms",
        "Time to journal and apply one kiosk batch");

    /// <summary>Where a batch's time goes: <c>journal</c> (the durable append), <c>apply</c> (reading it back and applying).</summary>
    public static readonly Histogram<double> PhaseDuration = Meter.CreateHistogram<double>("lianxin.kiosk.batch.phase.duration", "ms",
        "Time of each phase of one kiosk batch");
}
