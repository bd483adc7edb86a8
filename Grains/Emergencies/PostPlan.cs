namespace Lianxin.Emergencies;

/// <summary>
/// Whether a launch's posts can work, before anything is sent: a reserve list may only name people the launch
/// reaches and who have the skills the post requires; a post whose possible people are fewer than its quota (or than
/// a skill of its mix needs) is warned about.
/// </summary>
public static class PostPlan
{
    /// <summary>
    /// Refusals for reserve entries that cannot work. <paramref name="skillsOf"/> holds the skills of every person
    /// who exists (reserve people at least); <paramref name="reached"/> is the launch's audience.
    /// </summary>
    public static IReadOnlyList<ReserveRefusal> CheckReserves(
        IReadOnlyList<PostDefinition> posts, IReadOnlySet<string> reached, IReadOnlyDictionary<string, IReadOnlyList<string>> skillsOf, string field = "posts")
    {
        var refusals = new List<ReserveRefusal>();
        for (var p = 0; p < posts.Count; p++)
        {
            var post = posts[p];
            for (var i = 0; i < post.Reserve.Count; i++)
            {
                var id = post.Reserve[i];
                var at = $"{field}[{p}].reserve[{i}]";
                if (!skillsOf.TryGetValue(id, out var skills))
                {
                    refusals.Add(new ReserveRefusal(at, $"'{id}' is nobody in the registry."));
                }
                else if (!reached.Contains(id))
                {
                    refusals.Add(new ReserveRefusal(at, $"'{id}' is not reached by this launch's scope: only people of the targeted grids can fill its posts."));
                }
                else if (post.RequiredSkills.FirstOrDefault(s => !skills.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } missing)
                {
                    refusals.Add(new ReserveRefusal(at, $"'{id}' lacks the skill '{missing}' that post '{post.Id}' requires."));
                }
            }
        }

        return refusals;
    }

    /// <summary>
    /// Posts that cannot be filled from the people the launch reaches (<paramref name="skillsOf"/>: every reached
    /// person's skills). A post filled one by one from a prepared list can only use that list.
    /// </summary>
    public static IReadOnlyList<PostWarning> Warnings(IReadOnlyList<PostDefinition> posts, IReadOnlyDictionary<string, IReadOnlyList<string>> skillsOf)
    {
        var warnings = new List<PostWarning>();
        foreach (var post in posts)
        {
            IEnumerable<string> pool = post.Filling == PostFilling.Reserve && post.Reserve.Count > 0 ? post.Reserve.Distinct(StringComparer.Ordinal) : skillsOf.Keys;
            var qualified = pool
                .Where(v => skillsOf.TryGetValue(v, out var skills) && post.RequiredSkills.All(r => skills.Contains(r, StringComparer.OrdinalIgnoreCase)))
                .ToList();
            if (qualified.Count < post.Quota)
            {
                warnings.Add(new PostWarning(post.Id, null, post.Quota, qualified.Count,
                    $"岗位{post.Name}需要{post.Quota}人，可派人员只有{qualified.Count}人：无法满员。"));
            }

            foreach (var need in post.Mix)
            {
                var with = qualified.Count(v => skillsOf[v].Contains(need.Skill, StringComparer.OrdinalIgnoreCase));
                if (with < need.Count)
                {
                    warnings.Add(new PostWarning(post.Id, need.Skill, need.Count, with,
                        $"岗位{post.Name}需要{need.Count}名具备{need.Skill}技能的人员，可派人员中只有{with}人。"));
                }
            }
        }

        return warnings;
    }
}
