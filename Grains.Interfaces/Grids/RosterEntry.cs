namespace Lianxin.Grids;

/// <summary>One person on a grid's roster.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.RosterEntry")]
public sealed record RosterEntry([property: Id(0)] string VolunteerId, [property: Id(1)] GridRole Role);
