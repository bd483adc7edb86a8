using Lianxin.Common;

namespace Lianxin.Hosting;

/// <summary>The persisted positions and team ids of a center. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.CenterHostingState")]
public sealed class CenterHostingState
{
    [Id(0)] public List<HostedPosition> Positions { get; set; } = [];

    [Id(1)] public SortedSet<string> TeamIds { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>What a center hosts: positions and the ids of its volunteer teams.</summary>
internal sealed class CenterHostingGrain(
    [PersistentState(StorageNames.CenterHostingState, StorageNames.Default)] IPersistentState<CenterHostingState> state) : Grain, ICenterHostingGrain
{
    public Task<IReadOnlyList<HostedPosition>> GetPositionsAsync() => Task.FromResult<IReadOnlyList<HostedPosition>>([.. state.State.Positions]);

    public async Task SetPositionsAsync(IReadOnlyList<HostedPosition> positions)
    {
        state.State.Positions = [.. positions];
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetTeamIdsAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.TeamIds]);

    public async Task AddTeamAsync(string teamId)
    {
        if (state.State.TeamIds.Add(teamId))
        {
            await state.WriteStateAsync();
        }
    }
}

/// <summary>The persisted team. A schema: members are only ever added, ids never reused.</summary>
[GenerateSerializer, Alias("Lianxin.VolunteerTeamState")]
public sealed class VolunteerTeamState
{
    [Id(0)] public VolunteerTeam? Team { get; set; }
}

/// <summary>
/// One volunteer team. Written first, then listed at its center; a save repeated after a failure between the two lists
/// it again (the center's listing is idempotent).
/// </summary>
internal sealed class VolunteerTeamGrain(
    [PersistentState(StorageNames.VolunteerTeamState, StorageNames.Default)] IPersistentState<VolunteerTeamState> state) : Grain, IVolunteerTeamGrain
{
    public Task<VolunteerTeam?> GetAsync() => Task.FromResult(state.State.Team);

    public async Task<RegistryResult> SaveAsync(VolunteerTeam team)
    {
        var existing = state.State.Team;
        if (existing is not null && existing.CenterId != team.CenterId)
        {
            return RegistryResult.Conflict($"Team '{existing.Id}' belongs to center '{existing.CenterId}'; a team does not move.");
        }

        state.State.Team = team with { Id = this.GetPrimaryKeyString() };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICenterHostingGrain>(team.CenterId).AddTeamAsync(this.GetPrimaryKeyString());
        return existing is null ? RegistryResult.Created : RegistryResult.Updated;
    }
}
