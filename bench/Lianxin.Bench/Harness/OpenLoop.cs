using System.Diagnostics;

namespace Lianxin.Bench.Harness;

/// <summary>
/// Operations started on a fixed schedule whatever the answers do (open loop), each latency counted from when the
/// operation was due, so a stall shows as the wait of everything behind it and not as fewer samples.
/// </summary>
internal static class OpenLoop
{
    public static async Task<LoadResult> RunAsync(double perSecond, TimeSpan duration, Func<long, Task<bool>> operation)
    {
        var latencies = new Latencies((int)Math.Min(4_000_000, (perSecond * duration.TotalSeconds) + 1));
        long errors = 0;
        var count = Math.Max(1, (long)(perSecond * duration.TotalSeconds));
        var start = Stopwatch.GetTimestamp();
        var running = new List<Task>((int)Math.Min(count, 1_000_000));
        for (long n = 0; n < count; n++)
        {
            var due = start + (long)(n / perSecond * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var sequence = n;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    if (await operation(sequence))
                    {
                        latencies.AddSince(due);
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutException or TaskCanceledException)
                {
                    // Counted below.
                }

                Interlocked.Increment(ref errors);
            }));
        }

        await Task.WhenAll(running);
        return new LoadResult(latencies.Count / Stopwatch.GetElapsedTime(start).TotalSeconds, latencies.Summarize(), errors);
    }
}
