namespace Lianxin.Activities;

/// <summary>The persisted calendar of one center: its activities by id.</summary>
[GenerateSerializer, Alias("Lianxin.ActivityCalendarState")]
public sealed class ActivityCalendarState
{
    [Id(0)]
    public Dictionary<string, ActivityEntry> Activities { get; set; } = new(StringComparer.Ordinal);
}
