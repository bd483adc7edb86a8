using Lianxin.Emergencies;
using Lianxin.Volunteers;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>
/// Gathers what <see cref="PostPlan"/> needs for a launch: the audience and the skills of the people its posts name
/// (and, for a preview, of everyone reached).
/// </summary>
internal static class PostChecks
{
    /// <summary>Adds a field error for every reserve entry that cannot work; reads only the people the lists name.</summary>
    public static async Task CheckReservesAsync(LaunchCommand command, ResolvedAudience audience, Validation v, IGrainFactory grains)
    {
        var named = command.Posts.SelectMany(p => p.Reserve).Distinct(StringComparer.Ordinal).ToList();
        if (named.Count == 0)
        {
            return;
        }

        var skills = await SkillsOfAsync(named, grains);
        var reached = audience.People.Select(p => p.VolunteerId).ToHashSet(StringComparer.Ordinal);
        foreach (var refusal in PostPlan.CheckReserves(command.Posts, reached, skills))
        {
            v.Add(refusal.Field, refusal.Message);
        }
    }

    /// <summary>The posts a launch cannot fill from the people it reaches.</summary>
    public static async Task<IReadOnlyList<PostWarning>> WarningsAsync(LaunchCommand command, ResolvedAudience audience, IGrainFactory grains) =>
        command.Posts.Count == 0
            ? []
            : PostPlan.Warnings(command.Posts, await SkillsOfAsync([.. audience.People.Select(p => p.VolunteerId)], grains));

    private static async Task<Dictionary<string, IReadOnlyList<string>>> SkillsOfAsync(IReadOnlyList<string> ids, IGrainFactory grains)
    {
        var people = await Task.WhenAll(ids.Select(id => grains.GetGrain<IVolunteerGrain>(id).GetProfileAsync()));
        return ids.Zip(people).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!.Skills, StringComparer.Ordinal);
    }
}
