namespace Lianxin.Grids;

/// <summary>A grid as read through the API.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.GridSnapshot")]
public sealed record GridSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] GridProfile Profile,
    [property: Id(2)] IReadOnlyList<RosterEntry> Roster);
