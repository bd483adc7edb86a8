namespace Lianxin.Volunteers;

/// <summary>A person's live status and where it applies.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.VolunteerLive")]
public sealed record VolunteerLive(
    [property: Id(0)] VolunteerStatus Status,
    [property: Id(1)] string? CenterId,
    [property: Id(2)] DateTimeOffset? Since)
{
    public static VolunteerLive OffDuty { get; } = new(VolunteerStatus.OffDuty, null, null);
}
