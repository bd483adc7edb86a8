using Lianxin.Centers;

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

    /// <summary>
    /// A center's activity figures (people inside, check-ins today, open help requests, kiosks online) straight from
    /// its activity actor, one hop from the kiosk event: they replace those fields of the center's card the feed holds
    /// (ignored when it holds none) and win over the figures in cards published later by the center, which lag behind.
    /// Figures older than those held are dropped.
    /// </summary>
    [Alias("PublishActivity"), OneWay]
    Task PublishActivityAsync(string centerId, CenterActivityFigures figures, DateTimeOffset asOf);

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
