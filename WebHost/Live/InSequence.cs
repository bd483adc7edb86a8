namespace Lianxin.WebHost.Live;

/// <summary>
/// Puts one numbered stream of a feed's messages back in order before they are forwarded. The feed sends them one-way
/// and they may overtake each other: one that arrives ahead of a missing one waits up to the reorder window, after
/// which what waited goes out in order and the clients resync on the gap; stale and duplicate ones are dropped.
/// </summary>
internal sealed class InSequence<T>(Func<T, long> sequence, Func<IReadOnlyList<T>, Task> forward, TimeSpan reorderWindow, TimeProvider clock)
    : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, T> _early = [];
    private long _forwarded;
    private ITimer? _release;

    public Task ReceiveAsync(T message)
    {
        var number = sequence(message);
        List<T> ready = [];
        lock (_gate)
        {
            if (_forwarded != 0 && number <= _forwarded)
            {
                LiveMetrics.Received("stale");
                return Task.CompletedTask;
            }

            if (_forwarded == 0 || number == _forwarded + 1)
            {
                Take(number, message, ready);
            }
            else
            {
                _early[number] = message;
                LiveMetrics.Received("waited");
                _release ??= clock.CreateTimer(_ => ReleaseEarly(), null, reorderWindow, Timeout.InfiniteTimeSpan);
            }
        }

        return forward(ready);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _release?.Dispose();
        }
    }

    /// <summary>The window passed: what waited goes out in order.</summary>
    private void ReleaseEarly()
    {
        List<T> ready = [];
        lock (_gate)
        {
            _release?.Dispose();
            _release = null;
            while (_early.Count > 0)
            {
                var (number, first) = _early.First();
                _early.Remove(number);
                Take(number, first, ready);
            }
        }

        _ = forward(ready);
    }

    /// <summary>Forwards one message and whatever waited right behind it.</summary>
    private void Take(long number, T message, List<T> ready)
    {
        ready.Add(message);
        _forwarded = number;
        while (_early.Remove(_forwarded + 1, out var next))
        {
            ready.Add(next);
            _forwarded++;
        }

        if (_early.Count == 0)
        {
            _release?.Dispose();
            _release = null;
        }
    }
}
