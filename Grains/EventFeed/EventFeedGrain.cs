namespace Lianxin.EventFeed;

/// <summary>Reads the outbound log for the pull API; stateless, so reads spread over the silos, and reentrant, as each call only waits on the log.</summary>
[StatelessWorker, Reentrant]
internal sealed class EventFeedGrain(IOutboundLog log) : Grain, IEventFeedGrain
{
    public Task<FeedPage> ReadAsync(string regionId, long after, int max) => log.ReadAsync(regionId, after, max);

    public Task<long> EndAsync() => log.EndAsync();
}
