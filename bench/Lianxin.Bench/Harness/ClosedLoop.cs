using System.Diagnostics;
using Orleans.Runtime;

namespace Lianxin.Bench.Harness;

/// <summary>
/// A fixed number of workers, each starting its next operation when the last one finishes, after a warm-up that is
/// not counted: the shape of every throughput ceiling and of the product's own maximum-rate runs.
/// </summary>
internal static class ClosedLoop
{
    /// <summary>
    /// Operations completed per second over <paramref name="measure"/>, their latencies, and how many failed
    /// (<paramref name="operation"/> answers false or throws one of the expected exceptions).
    /// </summary>
    public static async Task<LoadResult> RunAsync(int workers, Func<long, Task<bool>> operation, TimeSpan warmup, TimeSpan measure)
    {
        var latencies = new Latencies(4_000_000);
        long errors = 0, sequence = 0;
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            await Task.Yield();
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                if (started >= end)
                {
                    return;
                }

                bool succeeded;
                try
                {
                    succeeded = await operation(Interlocked.Increment(ref sequence));
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException or OrleansException)
                {
                    succeeded = false;
                }

                if (!succeeded)
                {
                    Interlocked.Increment(ref errors);
                }
                else if (started >= measureFrom)
                {
                    latencies.AddSince(started);
                }
            }
        }));

        return new LoadResult(latencies.Count / measure.TotalSeconds, latencies.Summarize(), errors);
    }
}

/// <summary>What a load run saw: completed operations per second, their latencies, failed operations.</summary>
internal sealed record LoadResult(double PerSecond, Percentiles Latency, long Errors);
