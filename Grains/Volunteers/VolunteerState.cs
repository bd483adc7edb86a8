namespace Lianxin.Volunteers;

/// <summary>The persisted state of a person. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.VolunteerState")]
public sealed class VolunteerState
{
    /// <summary>Null until the person is created.</summary>
    [Id(0)] public VolunteerProfile? Profile { get; set; }
    [Id(1)] public VolunteerLive Live { get; set; } = VolunteerLive.OffDuty;

    /// <summary>The post the person stands at in a live emergency; other emergencies do not ask them.</summary>
    [Id(2)] public PostAssignment? Post { get; set; }
}
