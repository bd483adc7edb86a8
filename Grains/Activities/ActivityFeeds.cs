using Lianxin.Live;

namespace Lianxin.Activities;

/// <summary>
/// Tells people on their live feed (<c>volunteer:{id}</c>) about an activity: best effort, since the activity's own
/// state (their place, the cancellation with its reason) is what they read when they open it.
/// </summary>
internal static class ActivityFeeds
{
    public static void Tell(IGrainFactory grains, string personId, ActivityNotice notice)
    {
        try
        {
            grains.GetGrain<ILiveFeedGrain>(LiveScope.Volunteer(personId)).PublishAsync($"activity:{notice.ActivityId}", notice).Ignore();
        }
        catch (ArgumentException)
        {
            // No feed grain in this silo (a test silo without the live subsystem): nobody to tell live.
        }
    }
}
