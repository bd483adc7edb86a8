namespace Lianxin.Governance;

/// <summary>One approved stretch of volunteer service at a center: who, on which local day, how many hours, the points it earned.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.ApprovedService")]
public sealed record ApprovedService(
    [property: Id(0)] Guid HoursId,
    [property: Id(1)] string PersonId,
    [property: Id(2)] DateOnly Day,
    [property: Id(3)] double Hours,
    [property: Id(4)] int Points);
