namespace Lianxin.Emergencies;

/// <summary>
/// An assigned post (指定岗位): how many people must be at it, the skills they need, and the ordered reserve list
/// people are asked from, <see cref="AskAtOnce"/> at a time. An empty reserve means "everyone targeted who has the
/// skills, grid by grid".
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PostDefinition")]
public sealed record PostDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quota,
    [property: Id(3)] IReadOnlyList<string> RequiredSkills,
    [property: Id(4)] IReadOnlyList<string> Reserve,
    [property: Id(5)] int AskAtOnce,
    [property: Id(6)] string? Location = null);
