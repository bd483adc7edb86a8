using Lianxin.Live;

namespace Lianxin.Emergencies;

/// <summary>
/// Publishing to live feeds is best effort: a dashboard that misses an item resyncs from a snapshot, and a roll-call
/// must never fail because a feed could not be reached (or, in a build without the feed grain, does not exist).
/// </summary>
internal static class EmergencyFeeds
{
    /// <summary>Set once this process finds no feed grain implementation; implementations do not appear later.</summary>
    private static volatile bool _absent;

    public static void Publish(IGrainFactory grains, string scope, string itemKey, object item)
    {
        if (_absent)
        {
            return;
        }

        try
        {
            grains.GetGrain<ILiveFeedGrain>(scope).PublishAsync(itemKey, item).Ignore();
        }
        catch (ArgumentException)
        {
            // No feed grain implementation is registered in this silo: nothing to publish to.
            _absent = true;
        }
    }
}
