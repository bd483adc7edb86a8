namespace Lianxin.Live;

/// <summary>
/// An item that says when it was true. Feeds keep the newer of two versions of such an item, because publishes
/// and a cold feed's rebuild can cross on the way.
/// </summary>
public interface ILiveItem
{
    /// <summary>When the publisher read the state the item shows.</summary>
    DateTimeOffset AsOf { get; }
}
