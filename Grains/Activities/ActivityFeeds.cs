using Lianxin.Live;

namespace Lianxin.Activities;

/// <summary>
/// Tells people on their live feed (<c>volunteer:{id}</c>) about an activity: best effort, since the activity's own
/// state (their place, the cancellation with its reason) is what they read when they open it.
/// </summary>
internal static class ActivityFeeds
{
    public static void Tell(IGrainFactory grains, string personId, ActivityNotice notice) =>
        LiveFeeds.Publish(grains, LiveScope.Volunteer(personId), $"activity:{notice.ActivityId}", notice);
}
