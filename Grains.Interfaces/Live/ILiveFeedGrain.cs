namespace Lianxin.Live;

/// <summary>
/// The live feed of one scope (keyed by a <see cref="LiveScope"/> name). Actors publish items; the feed
/// coalesces bursts into a few numbered deltas a second and sends them to the subscribed web hosts.
/// A feed keeps nothing durable: a feed that activates cold rebuilds its picture from the actors it shows.
/// </summary>
[Alias("Lianxin.ILiveFeedGrain")]
public interface ILiveFeedGrain : IGrainWithStringKey
{
    /// <summary>
    /// Replaces one item of the scope. The item must be an Orleans-serializable type. An item that is an
    /// <see cref="ILiveItem"/> older than the one the feed holds is dropped, so a late publish never rolls the picture back.
    /// </summary>
    [Alias("Publish"), OneWay]
    Task PublishAsync(string itemKey, object item);

    /// <summary>Removes one item of the scope (for example a center that moved to another region).</summary>
    [Alias("Remove"), OneWay]
    Task RemoveAsync(string itemKey);

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
