using System.Diagnostics.Metrics;

namespace Lianxin.Common.Telemetry;

/// <summary>
/// Bucket boundaries for durations in seconds, from a millisecond to ten seconds: the exporters' defaults are made for
/// milliseconds and would put every acknowledged batch into the first bucket.
/// </summary>
public static class LatencyBuckets
{
    public static InstrumentAdvice<double> Seconds { get; } = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10],
    };

    /// <summary>A duration histogram in seconds, named after OpenTelemetry's conventions (<c>….duration</c>, unit <c>s</c>).</summary>
    public static Histogram<double> Duration(this Meter meter, string name, string description) =>
        meter.CreateHistogram(name, "s", description, tags: null, advice: Seconds);
}
