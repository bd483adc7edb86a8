namespace Lianxin.Emergencies;

/// <summary>
/// A post a launch's preview expects not to fill: only <see cref="Available"/> people who could take it against
/// <see cref="Needed"/> (for the post as a whole, or for one <see cref="Skill"/> of its mix).
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PostWarning")]
public sealed record PostWarning(
    [property: Id(0)] string PostId,
    [property: Id(1)] string? Skill,
    [property: Id(2)] int Needed,
    [property: Id(3)] int Available,
    [property: Id(4)] string Message);
