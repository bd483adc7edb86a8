namespace Lianxin.Emergencies;

/// <summary>Which people of a roll-call to list (drill-down); all filters are optional.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PeopleFilter")]
public sealed record PeopleFilter(
    [property: Id(0)] RollCallStatus? Status,
    [property: Id(1)] string? GridId,
    [property: Id(2)] string? PostId,
    [property: Id(3)] bool UnaccountedOnly,
    [property: Id(4)] int Max);
