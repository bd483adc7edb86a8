using System.Diagnostics;
using Lianxin.Live;
using Microsoft.AspNetCore.SignalR;

namespace Lianxin.WebHost.Live;

/// <summary>
/// This web host's receiver of one scope's deltas: forwards them, in sequence order, to the SignalR groups of the
/// scope on this host, one per protocol version (SignalR serializes a group message once for all its connections). Deltas are one-way messages and may overtake each other; one that arrives ahead of a missing
/// one waits up to <see cref="LiveOptions.ReorderWindow"/>, stale and duplicate ones are dropped.
/// </summary>
internal sealed class LiveObserver(string scope, IHubContext<LiveHub, ILiveClient> hub, TimeSpan reorderWindow, TimeProvider clock)
    : ILiveObserver, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, LiveDelta> _early = [];
    private long _forwarded;
    private ITimer? _release;

    public Task OnDeltaAsync(LiveDelta delta)
    {
        List<LiveDelta> ready = [];
        lock (_gate)
        {
            if (_forwarded != 0 && delta.Sequence <= _forwarded)
            {
                LiveMetrics.Received("stale");
                return Task.CompletedTask;
            }

            if (_forwarded == 0 || delta.Sequence == _forwarded + 1)
            {
                Take(delta, ready);
            }
            else
            {
                _early[delta.Sequence] = delta;
                LiveMetrics.Received("waited");
                _release ??= clock.CreateTimer(_ => ReleaseEarly(), null, reorderWindow, Timeout.InfiniteTimeSpan);
            }
        }

        return SendAsync(ready);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _release?.Dispose();
        }
    }

    /// <summary>The window passed: what waited goes out in order, and the clients resync on the gap.</summary>
    private void ReleaseEarly()
    {
        List<LiveDelta> ready = [];
        lock (_gate)
        {
            _release?.Dispose();
            _release = null;
            while (_early.Count > 0)
            {
                var first = _early.First().Value;
                _early.Remove(first.Sequence);
                Take(first, ready);
            }
        }

        _ = SendAsync(ready);
    }

    /// <summary>Forwards one delta and whatever waited right behind it.</summary>
    private void Take(LiveDelta delta, List<LiveDelta> ready)
    {
        ready.Add(delta);
        _forwarded = delta.Sequence;
        while (_early.Remove(_forwarded + 1, out var next))
        {
            ready.Add(next);
            _forwarded = next.Sequence;
        }

        if (_early.Count == 0)
        {
            _release?.Dispose();
            _release = null;
        }
    }

    private async Task SendAsync(List<LiveDelta> ready)
    {
        foreach (var delta in ready)
        {
            var started = Stopwatch.GetTimestamp();
            await hub.Clients.Group(LiveProtocol.Group(scope, LiveProtocol.Version1)).DeltaReceived(delta);
            if (delta.Version2Json is { } text)
            {
                await hub.Clients.Group(LiveProtocol.Group(scope, LiveProtocol.Version2)).PatchReceived(new LiveDeltaText(text));
            }

            LiveMetrics.PushDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            LiveMetrics.Received("pushed");
        }
    }
}
