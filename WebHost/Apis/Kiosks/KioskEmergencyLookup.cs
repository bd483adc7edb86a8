using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.Grids;
using Lianxin.Hosting;

namespace Lianxin.WebHost.Apis.Kiosks;

/// <summary>
/// Which running emergency covers each center, for the answers to kiosks. Kiosk traffic is the busiest path, so it
/// reads a snapshot: one that is older than <see cref="Fresh"/> is refreshed in the background (the directory, then
/// each running emergency) while requests keep the previous one. Where two emergencies cover a center, the higher
/// level wins, then the newer. A center is covered when the emergency names it or a center above it, names one of its
/// volunteer teams, or targets one of its grids. The snapshot's age is a cache's, measured on the host's clock (not
/// the centers' clock, which tests may hold still or move).
/// </summary>
internal sealed partial class KioskEmergencyLookup(IGrainFactory grains, TimeProvider clock, ILogger<KioskEmergencyLookup> logger)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(2);

    /// <summary>Deeper than any real center tree; guards against corrupt data.</summary>
    private const int MaxCenters = 100_000;

    private readonly Dictionary<string, IReadOnlySet<string>> _coverage = new(StringComparer.Ordinal);
    private Snapshot? _snapshot;
    private Task? _refreshing;
    private readonly Lock _gate = new();

    public async ValueTask<KioskEmergencyNotice?> ForCenterAsync(string centerId)
    {
        var snapshot = Volatile.Read(ref _snapshot) ?? await RefreshOnceAsync();
        if (clock.GetUtcNow() - snapshot.At > Fresh)
        {
            _ = RefreshOnceAsync();
        }

        return snapshot.ByCenter.GetValueOrDefault(centerId);
    }

    /// <summary>Starts a refresh unless one is running, and returns the snapshot it makes.</summary>
    private async Task<Snapshot> RefreshOnceAsync()
    {
        Task refresh;
        lock (_gate)
        {
            refresh = _refreshing ??= RefreshAsync();
        }

        await refresh;
        return Volatile.Read(ref _snapshot)!;
    }

    private async Task RefreshAsync()
    {
        try
        {
            var at = clock.GetUtcNow();
            var running = (await grains.GetGrain<IEmergencyDirectoryGrain>(0).ListAsync()).Where(e => e.Phase == EmergencyPhase.Running).ToList();
            var byCenter = new Dictionary<string, KioskEmergencyNotice>(StringComparer.Ordinal);
            foreach (var entry in running.OrderByDescending(e => e.LaunchedAt))
            {
                var emergency = grains.GetGrain<IEmergencyGrain>(entry.Id);
                if (await emergency.GetAsync() is not { Phase: EmergencyPhase.Running } view)
                {
                    continue;
                }

                var notice = Notice(view);
                foreach (var centerId in await CoverageAsync(emergency, view))
                {
                    if (!byCenter.TryGetValue(centerId, out var held) || held.Level < notice.Level)
                    {
                        byCenter[centerId] = notice;
                    }
                }
            }

            lock (_gate)
            {
                // Coverage of emergencies that are no longer running is never needed again.
                foreach (var gone in _coverage.Keys.Except(running.Select(e => e.Id), StringComparer.Ordinal).ToList())
                {
                    _coverage.Remove(gone);
                }
            }

            Volatile.Write(ref _snapshot, new Snapshot(at, byCenter));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogRefreshFailed(e);
            Volatile.Write(ref _snapshot, _snapshot ?? new Snapshot(DateTimeOffset.MinValue, new Dictionary<string, KioskEmergencyNotice>()));
        }
        finally
        {
            lock (_gate)
            {
                _refreshing = null;
            }
        }
    }

    private static KioskEmergencyNotice Notice(EmergencyView view)
    {
        var launch = view.Definition.Launch;
        var instruction = AlertTexts.Prefix(launch.Mode) + AlertTexts.Fill(launch.Templates.Instruction, launch.Name, view.Level, null);
        return new KioskEmergencyNotice(
            view.Definition.Id, launch.Mode, view.Level, AlertTexts.Headline(launch, view.Level), instruction,
            launch.MusterPoint ?? launch.Posts.Select(p => p.Location).FirstOrDefault(l => l is not null), view.Definition.LaunchedAt);
    }

    /// <summary>An emergency's centers never change once launched: computed once per emergency.</summary>
    private async Task<IReadOnlySet<string>> CoverageAsync(IEmergencyGrain emergency, EmergencyView view)
    {
        lock (_gate)
        {
            if (_coverage.TryGetValue(view.Definition.Id, out var known))
            {
                return known;
            }
        }

        var centers = new HashSet<string>(StringComparer.Ordinal);
        var scope = view.Definition.Launch.Scope;
        if (scope.Kind is ScopeKind.Centers or ScopeKind.Region)
        {
            await AddSubtreesAsync(scope.Ids, centers);
        }

        if (scope.Kind == ScopeKind.Teams)
        {
            var teams = await Task.WhenAll(scope.Ids.Select(id => grains.GetGrain<IVolunteerTeamGrain>(id).GetAsync()));
            centers.UnionWith(teams.OfType<VolunteerTeam>().Select(t => t.CenterId));
        }

        var gridIds = (await emergency.GetRollCallAsync())?.Grids.Select(g => g.GridId) ?? [];
        var grids = await Task.WhenAll(gridIds.Select(id => grains.GetGrain<IGridGrain>(id).GetAsync()));
        centers.UnionWith(grids.OfType<GridSnapshot>().Select(g => g.Profile.CenterId));
        lock (_gate)
        {
            _coverage[view.Definition.Id] = centers;
        }

        return centers;
    }

    private async Task AddSubtreesAsync(IEnumerable<string> roots, HashSet<string> centers)
    {
        var level = roots.Where(centers.Add).ToList();
        while (level.Count > 0 && centers.Count < MaxCenters)
        {
            var snapshots = await Task.WhenAll(level.Select(id => grains.GetGrain<ICenterGrain>(id).GetAsync()));
            level = [.. snapshots.OfType<CenterSnapshot>().SelectMany(c => c.ChildIds).Where(centers.Add)];
        }
    }

    private sealed record Snapshot(DateTimeOffset At, IReadOnlyDictionary<string, KioskEmergencyNotice> ByCenter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the emergencies shown on kiosks failed; the previous ones stay shown")]
    private partial void LogRefreshFailed(Exception exception);
}
