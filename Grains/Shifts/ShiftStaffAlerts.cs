using Lianxin.Centers;
using Lianxin.Live;

namespace Lianxin.Shifts;

/// <summary>
/// Pushes a rota's short-of-people alert to its staff's screens: the center's own feed and the feeds of the regions
/// above it (the dashboards of the town, street and district command the same centers). Best effort like every
/// publish: the dashboard's panel reads the rota's at-risk list again whenever an alert arrives or it resyncs.
/// </summary>
internal static class ShiftStaffAlerts
{
    public static async Task PublishAsync(IGrainFactory grains, string centerId, ShiftShortAlert alert)
    {
        foreach (var scope in await ScopesAsync(grains, centerId))
        {
            LiveFeeds.Publish(grains, scope, ShiftShortAlert.Key(alert.OccurrenceId), alert);
        }
    }

    public static async Task RemoveAsync(IGrainFactory grains, string centerId, IEnumerable<string> occurrenceIds)
    {
        var ids = occurrenceIds.ToList();
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var scope in await ScopesAsync(grains, centerId))
        {
            foreach (var id in ids)
            {
                LiveFeeds.Remove(grains, scope, ShiftShortAlert.Key(id));
            }
        }
    }

    private static async Task<IReadOnlyList<string>> ScopesAsync(IGrainFactory grains, string centerId)
    {
        if (await grains.GetGrain<ICenterGrain>(centerId).GetAsync() is not { } center)
        {
            return [LiveScope.Center(centerId)];
        }

        var regions = await CenterLivePublisher.ReadRegionsAsync(grains, centerId, center.Profile.Level, center.Profile.ParentId);
        return [LiveScope.Center(centerId), .. regions.Select(LiveScope.Region)];
    }
}
