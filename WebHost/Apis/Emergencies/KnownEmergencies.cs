using Lianxin.Emergencies;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>
/// The ids of every emergency launched, as the emergency directory lists them, kept by the web host so that an
/// unauthenticated answer for an emergency that does not exist is refused without waking an actor for its id.
/// A miss reloads the list, at most once per <see cref="RefreshInterval"/> however many misses arrive (all misses
/// of that moment share the reload), and every miss waits for a reload that started after it arrived: an
/// emergency launched on another web host just before is found.
/// </summary>
public sealed class KnownEmergencies(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private volatile HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>A reload that has not read the directory yet: a miss arriving now can share it.</summary>
    private Task? _pending;

    private Task _running = Task.CompletedTask;
    private long? _lastRead;

    /// <summary>True when the directory lists an emergency with this id.</summary>
    public async Task<bool> ExistsAsync(string id)
    {
        if (_ids.Contains(id))
        {
            return true;
        }

        await NextReloadAsync();
        return _ids.Contains(id);
    }

    private Task NextReloadAsync()
    {
        lock (_gate)
        {
            // At most one reload reading and one waiting: a flood of misses costs one directory call per interval.
            return _pending ??= ReloadAsync(_running);
        }
    }

    private async Task ReloadAsync(Task previous)
    {
        // Let the caller publish this task as the pending one before it runs on.
        await Task.Yield();
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // That reload's callers saw its failure; this one tries again.
        }

        if (_lastRead is { } last && RefreshInterval - clock.GetElapsedTime(last) is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait, clock);
        }

        lock (_gate)
        {
            _running = _pending!;
            _pending = null;
            _lastRead = clock.GetTimestamp();
        }

        var entries = await grains.GetGrain<IEmergencyDirectoryGrain>(0).ListAsync();
        _ids = entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
    }
}
