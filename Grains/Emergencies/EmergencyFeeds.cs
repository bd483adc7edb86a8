using Lianxin.Live;

namespace Lianxin.Emergencies;

/// <summary>
/// Publishing to live feeds is best effort: a dashboard that misses an item resyncs from a snapshot, and a roll-call
/// must never fail because a feed could not be reached (or, in a build without the feed grain, does not exist).
/// </summary>
internal static class EmergencyFeeds
{
    public static void Publish(IGrainFactory grains, string scope, string itemKey, object item)
    {
        try
        {
            grains.GetGrain<ILiveFeedGrain>(scope).PublishAsync(itemKey, item).Ignore();
        }
        catch (ArgumentException)
        {
            // No feed grain implementation is registered in this silo: nothing to publish to.
        }
    }
}
