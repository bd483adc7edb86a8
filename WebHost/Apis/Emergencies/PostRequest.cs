using Lianxin.Common;
using Lianxin.Emergencies;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>
/// A post to fill: a quota, the skills it needs, and the ordered reserve list asked <c>askAtOnce</c> at a time; or,
/// with <c>filling: "waves"</c>, its whole shortfall at each ask timeout with a <c>skillMix</c> (e.g. 6, of them
/// <c>[{"skill":"medical","count":1}]</c>), from the reserve and then the qualified people nearest to <c>point</c>.
/// </summary>
public sealed record PostRequest(
    string? Id, string? Name, int? Quota, string[]? RequiredSkills, string[]? Reserve, int? AskAtOnce, string? Location,
    string? Filling = null, SkillNeedRequest[]? SkillMix = null, LocationRequest? Point = null)
{
    public const int MaxPosts = 50;
    public const int MaxQuota = 10_000;

    internal static IReadOnlyList<PostDefinition> ToDomain(PostRequest[]? posts, Validation v, string field)
    {
        if (posts is null)
        {
            return [];
        }

        if (posts.Length > MaxPosts)
        {
            v.Add(field, $"At most {MaxPosts} posts.");
            return [];
        }

        var result = posts.Select((p, i) => p.ToDomain(v, $"{field}[{i}]")).ToList();
        if (result.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count() != result.Count)
        {
            v.Add(field, "Post ids must be unique.");
        }

        return result;
    }

    private PostDefinition ToDomain(Validation v, string field)
    {
        var quota = v.Required($"{field}.quota", Quota);
        if (quota is < 1 or > MaxQuota)
        {
            v.Add($"{field}.quota", $"Must be 1 to {MaxQuota}.");
        }

        var askAtOnce = AskAtOnce ?? quota;
        if (askAtOnce < 1)
        {
            v.Add($"{field}.askAtOnce", "Must be at least 1.");
        }

        var skills = (RequiredSkills ?? []).Select((s, i) => Skill(v, $"{field}.requiredSkills[{i}]", s)).ToList();
        var mix = (SkillMix ?? []).Select((n, i) => n.ToDomain(v, $"{field}.skillMix[{i}]")).ToList();
        if (mix.Sum(n => n.Count) > quota)
        {
            v.Add($"{field}.skillMix", $"The skill mix asks for {mix.Sum(n => n.Count)} people, more than the quota of {quota}.");
        }

        if (mix.DistinctBy(n => n.Skill).Count() != mix.Count)
        {
            v.Add($"{field}.skillMix", "Name each skill once.");
        }

        var filling = Filling is null ? PostFilling.Reserve : v.Enum<PostFilling>($"{field}.filling", Filling);
        if (mix.Count > 0 && filling != PostFilling.Waves)
        {
            v.Add($"{field}.skillMix", "A skill mix needs filling \"waves\".");
        }
        var reserve = (Reserve ?? []).Take(MaxQuota + 1).Select((r, i) => v.Id($"{field}.reserve[{i}]", r)).ToList();
        if (reserve.Count > MaxQuota)
        {
            v.Add($"{field}.reserve", $"At most {MaxQuota} people.");
        }

        var point = Point is null ? null : new GeoPoint(v.Required($"{field}.point.latitude", Point.Latitude), v.Required($"{field}.point.longitude", Point.Longitude));
        if (point is { IsValid: false })
        {
            v.Add($"{field}.point", "Not a WGS84 position.");
        }

        return new PostDefinition(
            v.Id($"{field}.id", Id), v.Text($"{field}.name", Name, 100), quota, skills, reserve, askAtOnce,
            Location is null ? null : v.Text($"{field}.location", Location, 200), filling, mix.Count > 0 ? mix : null, point);
    }

    /// <summary>A skill name the product knows; anything else could never be matched and is refused.</summary>
    internal static string Skill(Validation v, string field, string? skill)
    {
        var text = v.Text(field, skill, 50);
        if (text.Length > 0 && !SkillNames.IsKnown(text))
        {
            v.Add(field, $"Unknown skill '{text}': use one of {string.Join(", ", SkillNames.Known)}.");
        }

        return text;
    }
}

/// <summary>Part of a post's quota that needs a skill.</summary>
public sealed record SkillNeedRequest(string? Skill, int? Count)
{
    internal SkillNeed ToDomain(Validation v, string field)
    {
        var count = v.Required($"{field}.count", Count);
        if (count < 1)
        {
            v.Add($"{field}.count", "Must be at least 1.");
        }

        return new SkillNeed(PostRequest.Skill(v, $"{field}.skill", Skill), count);
    }
}
