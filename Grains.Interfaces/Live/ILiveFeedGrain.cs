namespace Lianxin.Live;

/// <summary>
/// The live feed of one scope (keyed by a <see cref="LiveScope"/> name). Actors publish items; the feed
/// coalesces bursts into a few numbered deltas a second and sends them to the subscribed web hosts.
/// </summary>
[Alias("Lianxin.ILiveFeedGrain")]
public interface ILiveFeedGrain : IGrainWithStringKey
{
    /// <summary>Replaces one item of the scope. The item must be an Orleans-serializable type.</summary>
    [Alias("Publish"), OneWay]
    Task PublishAsync(string itemKey, object item);

    /// <summary>All items of the scope and the sequence number they are current as of.</summary>
    [Alias("GetSnapshot"), ReadOnly]
    Task<LiveSnapshot> GetSnapshotAsync();

    /// <summary>Sends this observer every delta from now on; subscriptions lapse unless renewed.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(ILiveObserver observer);

    /// <summary>Stops sending deltas to this observer.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(ILiveObserver observer);
}
