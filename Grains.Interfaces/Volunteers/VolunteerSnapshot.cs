namespace Lianxin.Volunteers;

/// <summary>A person as read through the API.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.VolunteerSnapshot")]
public sealed record VolunteerSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] VolunteerProfile Profile,
    [property: Id(2)] VolunteerLive Live);
