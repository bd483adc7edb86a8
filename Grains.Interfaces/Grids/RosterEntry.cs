using Lianxin.Volunteers;

namespace Lianxin.Grids;

/// <summary>One person on a grid's roster, with how to reach them (null for people registered before cards existed).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.RosterEntry")]
public sealed record RosterEntry([property: Id(0)] string VolunteerId, [property: Id(1)] GridRole Role, [property: Id(2)] ContactCard? Contact = null);
