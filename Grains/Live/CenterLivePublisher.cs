using Lianxin.Centers;

namespace Lianxin.Live;

/// <summary>
/// Publishes a center's live card to its own feed and to the feeds of the regions above it (the district, town and
/// street centers on its path to the root); a region feed sums its cards into the region's totals itself. The regions are
/// looked up by walking the parents and cached: they change when this center moves (<see cref="MovingAsync"/>) or,
/// rarely, when an ancestor moves, which the periodic refresh picks up.
/// </summary>
internal sealed class CenterLivePublisher(IGrainFactory grains, string centerId, TimeProvider clock)
{
    private static readonly TimeSpan RegionsRefresh = TimeSpan.FromMinutes(5);

    private IReadOnlyList<string> _regions = [];
    private DateTimeOffset _regionsReadAt = DateTimeOffset.MinValue;

    /// <summary>
    /// The center is about to move away from <paramref name="previous"/>'s parent: the next publish looks the regions
    /// up again and removes the card from the regions it left.
    /// </summary>
    public async Task MovingAsync(CenterProfile previous)
    {
        _regions = await ReadRegionsAsync(previous);
        _regionsReadAt = DateTimeOffset.MinValue;
    }

    public async Task PublishAsync(CenterProfile profile, CenterLive live, int kiosks, int grids)
    {
        var now = clock.GetUtcNow();
        var card = CenterCard.From(centerId, profile, live, kiosks, grids, now);
        var key = LiveItemKeys.Center(centerId);
        var regions = await GetRegionsAsync(profile, now);
        await Task.WhenAll([Feed(LiveScope.Center(centerId)).PublishAsync(key, card), .. regions.Select(r => Feed(LiveScope.Region(r)).PublishAsync(key, card))]);
    }

    private ILiveFeedGrain Feed(string scope) => grains.GetGrain<ILiveFeedGrain>(scope);

    /// <summary>The regions the card goes to, from the cache when it is fresh; regions it left get a removal.</summary>
    private async Task<IReadOnlyList<string>> GetRegionsAsync(CenterProfile profile, DateTimeOffset now)
    {
        if (now - _regionsReadAt < RegionsRefresh)
        {
            return _regions;
        }

        var regions = await ReadRegionsAsync(profile);
        foreach (var left in _regions.Except(regions))
        {
            await Feed(LiveScope.Region(left)).RemoveAsync(LiveItemKeys.Center(centerId));
        }

        (_regions, _regionsReadAt) = (regions, now);
        return regions;
    }

    /// <summary>This center (when it is a region) and its region ancestors.</summary>
    private Task<IReadOnlyList<string>> ReadRegionsAsync(CenterProfile profile) =>
        ReadRegionsAsync(grains, centerId, profile.Level, profile.ParentId);

    /// <summary>
    /// The center itself when it is a region, and its region ancestors. Starts at the parent: a center asking itself
    /// for its own link would wait on itself.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> ReadRegionsAsync(IGrainFactory grains, string centerId, CenterLevel level, string? parentId)
    {
        var regions = new List<string>();
        if (LiveScope.IsRegionLevel(level))
        {
            regions.Add(centerId);
        }

        var current = parentId;
        for (var depth = 0; current is not null && current != centerId && depth < CenterAncestry.MaxDepth; depth++)
        {
            if (await grains.GetGrain<ICenterGrain>(current).GetLinkAsync() is not { } link)
            {
                break;
            }

            if (LiveScope.IsRegionLevel(link.Level) && !regions.Contains(current))
            {
                regions.Add(current);
            }

            current = link.ParentId;
        }

        return regions;
    }
}
