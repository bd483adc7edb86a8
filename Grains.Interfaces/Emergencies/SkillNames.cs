namespace Lianxin.Emergencies;

/// <summary>
/// The skills a post may ask for. A post naming any other skill could never be filled (a typo such as "medic" for
/// "medical" would silently ask nobody), so it is refused.
/// </summary>
public static class SkillNames
{
    /// <summary>Every skill the registry and the posts know, camelCase.</summary>
    public static IReadOnlyList<string> Known { get; } =
        ["counselling", "driving", "elderCare", "electrician", "firstAid", "medical", "rescueBoat", "translation"];

    /// <summary>True when <paramref name="skill"/> is one of the known skill names (case-sensitive).</summary>
    public static bool IsKnown(string skill) => Known.Contains(skill, StringComparer.Ordinal);
}
