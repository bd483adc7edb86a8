namespace Lianxin.Activities;

/// <summary>A center's calendar of the activities it has published, keyed by center id: the list its page and organisers open.</summary>
[Alias("Lianxin.IActivityCalendarGrain")]
public interface IActivityCalendarGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces an activity's entry (its actor reports publication, cancellation, the end).</summary>
    [Alias("Record")]
    Task RecordAsync(ActivityEntry entry);

    /// <summary>The center's activities, soonest first.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<ActivityEntry>> ListAsync();
}
