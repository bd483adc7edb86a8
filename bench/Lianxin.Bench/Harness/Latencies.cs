using System.Diagnostics;

namespace Lianxin.Bench.Harness;

/// <summary>Latency samples in milliseconds, recorded from many threads without locks, and their percentiles.</summary>
internal sealed class Latencies(int capacity)
{
    private readonly double[] _samples = new double[capacity];
    private int _count;

    public int Count => Math.Min(_count, _samples.Length);

    /// <summary>Samples past the capacity are counted but not kept.</summary>
    public int Dropped => Math.Max(0, _count - _samples.Length);

    public void Add(double milliseconds)
    {
        var i = Interlocked.Increment(ref _count) - 1;
        if (i < _samples.Length)
        {
            _samples[i] = milliseconds;
        }
    }

    public void AddSince(long startTimestamp) => Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public Percentiles Summarize()
    {
        var sorted = _samples.AsSpan(0, Count).ToArray();
        Array.Sort(sorted);
        return Percentiles.Of(sorted);
    }
}

/// <summary>p50, p99 and max of a set of samples (nearest rank).</summary>
internal sealed record Percentiles(int Count, double P50, double P99, double Max)
{
    public static Percentiles Of(double[] sorted) => sorted.Length == 0
        ? new Percentiles(0, double.NaN, double.NaN, double.NaN)
        : new Percentiles(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);

    private static double Rank(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
