using Lianxin.Centers;

namespace Lianxin.Live;

/// <summary>
/// Sends a center's activity figures from its activity actor straight to the live feeds that show the center (its
/// own and its regions'), so a kiosk event reaches the dashboards through one coalescing step, the feed's. The
/// regions are read once and refreshed now and then; a feed that no longer shows the center ignores the figures.
/// Best effort, as every live publish: a lost publish is repaired by the next one.
/// </summary>
internal sealed class CenterActivityFeeds(IGrainFactory grains, string centerId)
{
    private static readonly TimeSpan RegionsRefresh = TimeSpan.FromMinutes(1);

    private Task<IReadOnlyList<string>>? _regions;
    private DateTimeOffset _regionsReadAt;

    public void Publish(CenterActivityFigures figures, DateTimeOffset asOf) => PublishAsync(figures, asOf).Ignore();

    private async Task PublishAsync(CenterActivityFigures figures, DateTimeOffset asOf)
    {
        if (_regions is null || asOf - _regionsReadAt > RegionsRefresh || _regions.IsFaulted)
        {
            (_regions, _regionsReadAt) = (ReadRegionsAsync(), asOf);
        }

        var regions = await _regions;
        _ = grains.GetGrain<ILiveFeedGrain>(LiveScope.Center(centerId)).PublishActivityAsync(centerId, figures, asOf);
        foreach (var region in regions)
        {
            _ = grains.GetGrain<ILiveFeedGrain>(LiveScope.Region(region)).PublishActivityAsync(centerId, figures, asOf);
        }
    }

    private async Task<IReadOnlyList<string>> ReadRegionsAsync() =>
        await grains.GetGrain<ICenterGrain>(centerId).GetLinkAsync() is { } link
            ? await CenterLivePublisher.ReadRegionsAsync(grains, centerId, link.Level, link.ParentId)
            : [];
}
