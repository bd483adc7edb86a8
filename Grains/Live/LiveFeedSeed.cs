using Lianxin.Centers;

namespace Lianxin.Live;

/// <summary>
/// The picture a feed starts from when it activates: feeds keep nothing durable, so a region or center feed
/// that activates cold reads the centers it shows instead of showing an empty map until they next change.
/// Scopes whose items only their publishers know (emergencies, grids, people) start empty.
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
            foreach (var center in centers)
            {
                items[LiveItemKeys.Center(center.Id)] = CenterCard.From(center, asOf);
            }

            if (centers is [var root, ..])
            {
                items[LiveItemKeys.Summary] = new RegionSummary(root.Id, root.Profile.Name, root.Profile.Level, root.Subtree, asOf);
            }
        }
        else if (kind == LiveScope.CenterKind && await grains.GetGrain<ICenterGrain>(id).GetAsync() is { } center)
        {
            items[LiveItemKeys.Center(center.Id)] = CenterCard.From(center, asOf);
        }

        return items;
    }
}
