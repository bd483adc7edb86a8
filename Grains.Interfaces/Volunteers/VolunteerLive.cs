namespace Lianxin.Volunteers;

/// <summary>A person's live status and where it applies: a center on duty, an emergency when mobilized or at a post.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.VolunteerLive")]
public sealed record VolunteerLive(
    [property: Id(0)] VolunteerStatus Status,
    [property: Id(1)] string? CenterId,
    [property: Id(2)] DateTimeOffset? Since,
    [property: Id(3)] string? EmergencyId = null)
{
    /// <summary>A person off duty: no center, no emergency.</summary>
    public static VolunteerLive OffDuty { get; } = new(VolunteerStatus.OffDuty, null, null);
}
