using System.Collections.Concurrent;
using Lianxin.Limits;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Limits;

/// <summary>
/// The signed-in callers' and kiosks' rate limits, counted across every web host of the deployment: each partition's
/// window permits are granted by its <see cref="IRateLimitGrain"/>, a tenth at a time, and spent here without a call
/// per request. A host that dies with unspent permits only under-uses the allowance; a window's permits are never
/// granted twice while the partition's actor lives. If the actor cannot be asked, this host grants a slice itself
/// (a limit must not take the API down with the cluster; the request will meet the cluster anyway).
/// </summary>
internal sealed partial class SharedRateLimit(IGrainFactory grains, TimeProvider clock, IOptions<LimitsOptions> options, ILogger<SharedRateLimit> logger)
{
    /// <summary>Partitions remembered before the ones of past windows are dropped.</summary>
    private const int PartitionsKept = 10_000;

    private readonly ConcurrentDictionary<string, Slice> _slices = new(StringComparer.Ordinal);

    /// <summary>The window now: whole windows since the epoch, the same number on every host.</summary>
    public long CurrentWindow => clock.GetUtcNow().UtcTicks / options.Value.Window.Ticks;

    /// <summary>How long until the next window begins.</summary>
    public TimeSpan UntilNextWindow
    {
        get
        {
            var window = options.Value.Window.Ticks;
            return TimeSpan.FromTicks(window - (clock.GetUtcNow().UtcTicks % window));
        }
    }

    /// <summary>True when the partition may make one more request in this window.</summary>
    public ValueTask<bool> TryAcquireAsync(string partition, int permitLimit, CancellationToken cancellation) =>
        TryAcquireAsync(partition, permitLimit, options.Value.Window, cancellation);

    /// <summary>
    /// Like the above with a window of its own (sign-in codes are counted per hour, not per second); the partition's
    /// name must say which window it counts in, since its actor keeps one count per window number.
    /// </summary>
    public async ValueTask<bool> TryAcquireAsync(string partition, int permitLimit, TimeSpan windowLength, CancellationToken cancellation)
    {
        var window = clock.GetUtcNow().UtcTicks / windowLength.Ticks;
        var slice = _slices.GetOrAdd(partition, static _ => new Slice());
        lock (slice)
        {
            if (slice.Window != window)
            {
                (slice.Window, slice.Remaining, slice.Exhausted) = (window, 0, false);
            }

            if (slice.Remaining > 0)
            {
                slice.Remaining--;
                return true;
            }

            if (slice.Exhausted)
            {
                return false;
            }
        }

        var size = Math.Max(1, permitLimit / 10);
        int granted;
        try
        {
            granted = await grains.GetGrain<IRateLimitGrain>(partition).LeaseAsync(window, permitLimit, size).WaitAsync(cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLeaseFailed(e);
            granted = size;
        }

        lock (slice)
        {
            if (slice.Window == window)
            {
                slice.Exhausted |= granted == 0;
                slice.Remaining += Math.Max(0, granted - 1);
            }
        }

        Forget(window);
        return granted > 0;
    }

    private void Forget(long window)
    {
        if (_slices.Count <= PartitionsKept)
        {
            return;
        }

        foreach (var (key, slice) in _slices)
        {
            if (slice.Window < window)
            {
                _slices.TryRemove(key, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A shared rate-limit lease failed; this host grants the slice itself")]
    private partial void LogLeaseFailed(Exception exception);

    private sealed class Slice
    {
        public long Window = -1;
        public int Remaining;
        public bool Exhausted;
    }
}
