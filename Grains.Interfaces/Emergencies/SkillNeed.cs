namespace Lianxin.Emergencies;

/// <summary>Part of a post's quota that needs a skill: "of them 1 medic" is (medical, 1).</summary>
[GenerateSerializer, Immutable, Alias("Lianxin.SkillNeed")]
public sealed record SkillNeed([property: Id(0)] string Skill, [property: Id(1)] int Count);
