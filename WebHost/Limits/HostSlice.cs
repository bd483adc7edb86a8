namespace Lianxin.WebHost.Limits;

/// <summary>
/// One partition's permits on this host for the current window: pure rules, unit-tested, locked by
/// <see cref="SharedRateLimit"/>. The first <c>localPermits</c> of a window are spent without asking the partition's
/// actor (a caller that makes one request, such as each of ten thousand people signing up for one activity, costs no
/// actor call and no activation); the next request asks for a slice and has the actor count what was spent locally
/// with it. So the actor's count is exact once a caller asks at all, and a caller that never asks gets from each
/// host at most <c>localPermits</c> over the window's limit.
/// </summary>
internal sealed class HostSlice
{
    private long _window = -1;
    private long _windowTicks = 1;
    private int _remaining;
    private int _spentLocally;
    private bool _asked;
    private bool _exhausted;

    /// <summary>What a request may do without the actor: go (<see cref="Spend.Granted"/>), stop, or ask for a slice.</summary>
    public Spend TrySpend(long window, int localPermits, long windowTicks = 1)
    {
        _windowTicks = windowTicks;
        if (_window != window)
        {
            (_window, _remaining, _spentLocally, _asked, _exhausted) = (window, 0, 0, false, false);
        }

        if (_remaining > 0)
        {
            _remaining--;
            return Spend.Granted;
        }

        if (_exhausted)
        {
            return Spend.Refused;
        }

        if (!_asked && _spentLocally < localPermits)
        {
            _spentLocally++;
            return Spend.Granted;
        }

        return Spend.Ask;
    }

    /// <summary>
    /// Before asking the actor: the permits spent here without it, which the request must add to what it asks for.
    /// Each is handed over once; after the first ask nothing more is spent without the actor this window.
    /// </summary>
    public int TakeOwed()
    {
        _asked = true;
        var owed = _spentLocally;
        _spentLocally = 0;
        return owed;
    }

    /// <summary>
    /// The actor granted <paramref name="granted"/> of the <paramref name="owed"/> + slice asked for in
    /// <paramref name="window"/>; true when one is left for the asking request (the rest are kept).
    /// </summary>
    public bool Granted(long window, int granted, int owed)
    {
        var own = granted - owed;
        if (_window == window)
        {
            _exhausted |= own <= 0;
            _remaining += Math.Max(0, own - 1);
        }

        return own > 0;
    }

    /// <summary>
    /// True when the slice's window ended before <paramref name="utcTicks"/>, in its own window length: partitions
    /// counted per second and per hour share one table.
    /// </summary>
    public bool EndedBefore(long utcTicks) => _window < utcTicks / _windowTicks;

    public enum Spend
    {
        Granted,
        Refused,
        Ask,
    }
}
