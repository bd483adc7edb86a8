using System.Collections.Concurrent;
using Lianxin.Centers;

namespace Lianxin.EventFeed;

/// <summary>
/// Writes events to the outbound log with their center's path (which region sees them). Paths are cached for a minute:
/// a center that moves to another parent has its new region's subscribers see its events within that minute.
/// </summary>
public sealed class EventFeed(IOutboundLog log, IGrainFactory grains, TimeProvider clock) : IEventFeed
{
    private static readonly TimeSpan PathLifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (string Path, DateTimeOffset Until)> _paths = new(StringComparer.Ordinal);

    public async Task PublishAsync(IReadOnlyList<FeedEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var records = new List<FeedRecord>(events.Count);
        foreach (var e in events)
        {
            records.Add(new FeedRecord(0, e, await PathAsync(e.CenterId)));
        }

        await log.AppendAsync(records);
    }

    private async Task<string> PathAsync(string centerId)
    {
        var now = clock.GetUtcNow();
        if (_paths.TryGetValue(centerId, out var cached) && cached.Until > now)
        {
            return cached.Path;
        }

        var path = OutboundPaths.Of(await CenterAncestry.GetPathToRootAsync(grains, centerId), centerId);
        _paths[centerId] = (path, now + PathLifetime);
        return path;
    }
}
