using Lianxin.Emergencies;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>A post to fill: a quota, the skills it needs, and the ordered reserve list asked <c>askAtOnce</c> at a time.</summary>
public sealed record PostRequest(string? Id, string? Name, int? Quota, string[]? RequiredSkills, string[]? Reserve, int? AskAtOnce, string? Location)
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

        var skills = (RequiredSkills ?? []).Select((s, i) => v.Text($"{field}.requiredSkills[{i}]", s, 50)).ToList();
        var reserve = (Reserve ?? []).Take(MaxQuota + 1).Select((r, i) => v.Id($"{field}.reserve[{i}]", r)).ToList();
        if (reserve.Count > MaxQuota)
        {
            v.Add($"{field}.reserve", $"At most {MaxQuota} people.");
        }

        return new PostDefinition(
            v.Id($"{field}.id", Id), v.Text($"{field}.name", Name, 100), quota, skills, reserve, askAtOnce,
            Location is null ? null : v.Text($"{field}.location", Location, 200));
    }
}
