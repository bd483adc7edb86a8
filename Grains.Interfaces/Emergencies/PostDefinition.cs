using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>
/// An assigned post (指定岗位): how many people must be at it, the skills they need, and the ordered reserve list
/// people are asked from, <see cref="AskAtOnce"/> at a time. An empty reserve means "everyone targeted who has the
/// skills, grid by grid". A post filled in <see cref="PostFilling.Waves"/> asks its whole shortfall at once, with a
/// <see cref="SkillMix"/> (e.g. 6, of them 1 medic), from its reserve and then from the qualified people nearest to
/// <see cref="Point"/>, until <see cref="Quota"/> have confirmed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Lianxin.PostDefinition")]
public sealed record PostDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int Quota,
    [property: Id(3)] IReadOnlyList<string> RequiredSkills,
    [property: Id(4)] IReadOnlyList<string> Reserve,
    [property: Id(5)] int AskAtOnce,
    [property: Id(6)] string? Location = null,
    [property: Id(7)] PostFilling Filling = PostFilling.Reserve,
    [property: Id(8)] IReadOnlyList<SkillNeed>? SkillMix = null,
    [property: Id(9)] GeoPoint? Point = null)
{
    /// <summary>The skill mix, never null.</summary>
    public IReadOnlyList<SkillNeed> Mix => SkillMix ?? [];
}
