namespace Lianxin.Centers;

/// <summary>
/// How full a center is now, and today's peaks by local hour (null for hours to come), and whether its staffed hours
/// are running now (local time): what its public page shows.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.CenterCrowd")]
public sealed record CenterCrowd(
    [property: Id(0)] int PeopleInside,
    [property: Id(1)] int Capacity,
    [property: Id(2)] CrowdLevel Level,
    [property: Id(3)] DateOnly Day,
    [property: Id(4)] IReadOnlyList<int?> PeakByHour,
    [property: Id(5)] bool StaffedNow);
