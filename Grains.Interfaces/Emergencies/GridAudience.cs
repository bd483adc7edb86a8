namespace Lianxin.Emergencies;

/// <summary>One grid of an audience: its name, its center and how many people it brings.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.GridAudience")]
public sealed record GridAudience(
    [property: Id(0)] string GridId,
    [property: Id(1)] string Name,
    [property: Id(2)] string CenterId,
    [property: Id(3)] int People);
