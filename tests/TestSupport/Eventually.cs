namespace Lianxin.TestSupport;

/// <summary>Waits for a condition with a deadline: how tests wait for asynchronous effects, never with sleeps.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds, and returns the last value.</summary>
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? deadline = null, string? what = null)
    {
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Condition not met within {deadline ?? DefaultDeadline}: {what ?? "(unnamed)"}; last value: {value}");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }
}
