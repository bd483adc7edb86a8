using Lianxin.Centers;
using Lianxin.Emergencies;
using Lianxin.Volunteers;

namespace Lianxin.Live;

/// <summary>
/// The picture a feed starts from when it activates: feeds keep nothing durable, so a region or center feed
/// that activates cold reads the centers it shows instead of showing an empty map until they next change.
/// An emergency feed reads its roll-call, a person's feed their alerts; grid feeds (escalation lists) start empty.
/// </summary>
internal static class LiveFeedSeed
{
    public static async Task<Dictionary<string, object>> LoadAsync(IGrainFactory grains, string scope, DateTimeOffset asOf)
    {
        var items = new Dictionary<string, object>(StringComparer.Ordinal);
        if (!LiveScope.TryParse(scope, out var kind, out var id))
        {
            return items;
        }

        if (kind == LiveScope.RegionKind)
        {
            var centers = await CenterSubtree.GetAsync(grains, id);
            // The region's totals are summed from these cards (LivePicture).
            foreach (var center in centers)
            {
                items[LiveItemKeys.Center(center.Id)] = CenterCard.From(center, asOf);
            }
        }
        else if (kind == LiveScope.CenterKind && await grains.GetGrain<ICenterGrain>(id).GetAsync() is { } center)
        {
            items[LiveItemKeys.Center(center.Id)] = CenterCard.From(center, asOf);
        }
        else if (kind == LiveScope.EmergencyKind && await grains.GetGrain<IEmergencyGrain>(id).GetRollCallAsync() is { } rollCall)
        {
            // The same keys and items the emergency publishes as it runs.
            items["summary"] = new RollCallTotals(
                rollCall.EmergencyId, rollCall.Mode, rollCall.Level, rollCall.Phase, rollCall.Counts, rollCall.SelfUpdates, rollCall.OnBehalfUpdates, rollCall.AsOf);
            foreach (var grid in rollCall.Grids)
            {
                items[$"grid:{grid.GridId}"] = grid;
            }

            foreach (var post in rollCall.Posts)
            {
                items[$"post:{post.PostId}"] = post;
            }
        }
        else if (kind == LiveScope.VolunteerKind)
        {
            // Without reply tokens: whoever may watch the person (their grid lead, an operator) must not answer as them.
            foreach (var alert in (await grains.GetGrain<IVolunteerGrain>(id).GetAlertsAsync()).OrderBy(a => a.SentAt))
            {
                items[$"{(alert.Kind == AlertKind.Escalation ? "escalation" : "alert")}:{alert.EmergencyId}"] = alert with { Token = null };
            }
        }

        return items;
    }
}
