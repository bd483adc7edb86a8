namespace Lianxin.Emergencies;

/// <summary>How one skill of a post's mix stands: needed and confirmed.</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.SkillFill")]
public sealed record SkillFill([property: Id(0)] string Skill, [property: Id(1)] int Needed, [property: Id(2)] int Confirmed);
