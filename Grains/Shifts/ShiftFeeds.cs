using Lianxin.Live;

namespace Lianxin.Shifts;

/// <summary>
/// Tells a person on their live feed (<c>volunteer:{id}</c>, the path their page already follows for alerts and
/// activities) about a shift: best effort, since the rota itself (their place, reminded, invited) is what the page reads.
/// </summary>
internal static class ShiftFeeds
{
    public static void Tell(IGrainFactory grains, string personId, ShiftNotice notice) =>
        LiveFeeds.Publish(grains, LiveScope.Volunteer(personId), $"shift:{notice.OccurrenceId}", notice);
}
