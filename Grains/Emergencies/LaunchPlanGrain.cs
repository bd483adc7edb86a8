using Lianxin.Volunteers;

namespace Lianxin.Emergencies;

/// <summary>
/// Gathers what <see cref="PostPlan"/> needs for a launch: the audience and the skills of the people its posts name
/// (and, for a preview, of everyone reached). It holds nothing, so it runs on whichever silo is asked.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class LaunchPlanGrain : Grain, ILaunchPlanGrain
{
    public async Task<IReadOnlyList<ReserveRefusal>> CheckReservesAsync(LaunchCommand command) =>
        command.Posts.Any(p => p.Reserve.Count > 0)
            ? await RefusalsAsync(command, await new AudienceResolver(GrainFactory).ResolveAsync(command.Scope))
            : [];

    public async Task<LaunchPlan> PreviewAsync(LaunchCommand command)
    {
        var audience = await new AudienceResolver(GrainFactory).ResolveAsync(command.Scope, countBoth: true);
        var refusals = await RefusalsAsync(command, audience);
        if (refusals.Count > 0)
        {
            return new LaunchPlan(refusals, null);
        }

        var warnings = command.Posts.Count == 0
            ? []
            : PostPlan.Warnings(command.Posts, await SkillsOfAsync([.. audience.People.Select(p => p.VolunteerId)]));
        return new LaunchPlan([], audience.ToPreview(warnings));
    }

    /// <summary>Reads only the people the reserve lists name.</summary>
    private async Task<IReadOnlyList<ReserveRefusal>> RefusalsAsync(LaunchCommand command, ResolvedAudience audience)
    {
        var named = command.Posts.SelectMany(p => p.Reserve).Distinct(StringComparer.Ordinal).ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var reached = audience.People.Select(p => p.VolunteerId).ToHashSet(StringComparer.Ordinal);
        return PostPlan.CheckReserves(command.Posts, reached, await SkillsOfAsync(named));
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> SkillsOfAsync(IReadOnlyList<string> ids)
    {
        var people = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IVolunteerGrain>(id).GetProfileAsync()));
        return ids.Zip(people).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!.Skills, StringComparer.Ordinal);
    }
}
