namespace Lianxin.EventFeed;

/// <summary>Reads the outbound event log for callers outside the silo (the pull API).</summary>
[Alias("Lianxin.IEventFeedGrain")]
public interface IEventFeedGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Up to <paramref name="max"/> events of centers in <paramref name="regionId"/>'s subtree after
    /// <paramref name="after"/>, in cursor order. The answer's <see cref="FeedPage.Next"/> is where to continue.
    /// </summary>
    [Alias("Read"), ReadOnly]
    Task<FeedPage> ReadAsync(string regionId, long after, int max);

    /// <summary>The cursor of the last event stored (0 for an empty log): where a new subscription starts by default.</summary>
    [Alias("End"), ReadOnly]
    Task<long> EndAsync();
}
