namespace Lianxin.Volunteers;

/// <summary>The persisted state of a person. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.VolunteerState")]
public sealed class VolunteerState
{
    /// <summary>Null until the person is created.</summary>
    [Id(0)] public VolunteerProfile? Profile { get; set; }
    /// <summary>
    /// The center away from home where the person last started duty (off duty when that is their home center): where
    /// a fresh activation looks for them. Duty itself is held in memory and derived from the center's presence.
    /// </summary>
    [Id(1)] public VolunteerLive Live { get; set; } = VolunteerLive.OffDuty;

    /// <summary>The post the person stands at in a live emergency; other emergencies do not ask them.</summary>
    [Id(2)] public PostAssignment? Post { get; set; }
}
