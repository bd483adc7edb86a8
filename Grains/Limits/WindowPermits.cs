namespace Lianxin.Limits;

/// <summary>
/// How many permits of each recent window were granted: pure rules, unit-tested. Hosts' clocks differ a little, so
/// the last few windows are kept, each with its own count; older ones are forgotten.
/// </summary>
public sealed class WindowPermits
{
    /// <summary>Windows kept: the newest and the ones just before it.</summary>
    public const int WindowsKept = 3;

    private readonly Dictionary<long, int> _granted = [];

    /// <summary>Grants up to <paramref name="requested"/> of the window's remaining permits; 0 when none remain.</summary>
    public int Grant(long window, int permitLimit, int requested)
    {
        if (requested < 1 || permitLimit < 1)
        {
            return 0;
        }

        var newest = _granted.Count == 0 ? window : Math.Max(window, _granted.Keys.Max());
        if (window <= newest - WindowsKept)
        {
            return 0; // a clock far behind asks for a window already forgotten: nothing rather than a fresh allowance
        }

        foreach (var old in _granted.Keys.Where(w => w <= newest - WindowsKept).ToList())
        {
            _granted.Remove(old);
        }

        var granted = _granted.GetValueOrDefault(window);
        var grant = Math.Min(requested, Math.Max(0, permitLimit - granted));
        _granted[window] = granted + grant;
        return grant;
    }
}
