namespace Lianxin.Live;

/// <summary>
/// Publishing to live feeds is best effort: a screen that misses an item resyncs from a snapshot, and no step of an
/// actor (a roll-call, a sign-up, a rota's tick) may fail because a feed could not be reached or, in a silo without
/// the feed grain (a test silo without the live subsystem), does not exist.
/// </summary>
internal static class LiveFeeds
{
    /// <summary>Set once this process finds no feed grain implementation; implementations do not appear later.</summary>
    private static volatile bool _absent;

    public static void Publish(IGrainFactory grains, string scope, string itemKey, object item) =>
        Feed(grains, scope)?.PublishAsync(itemKey, item).Ignore();

    public static void Remove(IGrainFactory grains, string scope, string itemKey) =>
        Feed(grains, scope)?.RemoveAsync(itemKey).Ignore();

    private static ILiveFeedGrain? Feed(IGrainFactory grains, string scope)
    {
        if (_absent)
        {
            return null;
        }

        try
        {
            return grains.GetGrain<ILiveFeedGrain>(scope);
        }
        catch (ArgumentException)
        {
            // No feed grain implementation is registered in this silo: nothing to publish to.
            _absent = true;
            return null;
        }
    }
}
