using System.Collections.Concurrent;
using Lianxin.Limits;
using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Limits;

/// <summary>
/// The signed-in callers' and kiosks' rate limits, counted across every web host of the deployment: each partition's
/// window permits are granted by its <see cref="IRateLimitGrain"/>, a tenth at a time, and spent here without a call
/// per request; a caller's first hundredth per window is spent here before the actor is asked at all. A host that
/// dies with unspent permits only under-uses the allowance; a window's permits are never granted twice while the
/// partition's actor lives. If the actor cannot be asked, this host grants a slice itself
/// (a limit must not take the API down with the cluster; the request will meet the cluster anyway).
/// </summary>
internal sealed partial class SharedRateLimit(IGrainFactory grains, TimeProvider clock, IOptions<LimitsOptions> options, ILogger<SharedRateLimit> logger)
{
    /// <summary>
    /// New partitions between two sweeps of the ones of past windows: a sweep walks them all, so it runs once per this
    /// many new callers rather than on every request once many are known.
    /// </summary>
    private const int SweepEvery = 4_096;

    /// <summary>
    /// A caller's first hundredth of its allowance per window is spent on this host without asking its actor (see
    /// <see cref="HostSlice"/>): the limit stops runaway clients, and one far over it still meets the actor after a
    /// hundredth; across N hosts a caller that never asks gets at most N hundredths of its limit.
    /// </summary>
    private const int LocalShare = 100;

    private readonly ConcurrentDictionary<string, HostSlice> _slices = new(StringComparer.Ordinal);
    private int _added;

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
        var now = clock.GetUtcNow().UtcTicks;
        var window = now / windowLength.Ticks;
        if (!_slices.TryGetValue(partition, out var slice))
        {
            slice = _slices.GetOrAdd(partition, static _ => new HostSlice());
            if (Interlocked.Increment(ref _added) % SweepEvery == 0)
            {
                Forget(now);
            }
        }

        int owed;
        lock (slice)
        {
            switch (slice.TrySpend(window, permitLimit / LocalShare, windowLength.Ticks))
            {
                case HostSlice.Spend.Granted:
                    return true;
                case HostSlice.Spend.Refused:
                    return false;
            }

            owed = slice.TakeOwed();
        }

        var size = Math.Max(1, permitLimit / 10);
        int granted;
        try
        {
            granted = await grains.GetGrain<IRateLimitGrain>(partition).LeaseAsync(window, permitLimit, size + owed).WaitAsync(cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLeaseFailed(e);
            granted = size + owed;
        }

        lock (slice)
        {
            return slice.Granted(window, granted, owed);
        }
    }

    private void Forget(long utcTicks)
    {
        foreach (var (key, slice) in _slices)
        {
            if (slice.EndedBefore(utcTicks))
            {
                _slices.TryRemove(key, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A shared rate-limit lease failed; this host grants the slice itself")]
    private partial void LogLeaseFailed(Exception exception);
}
