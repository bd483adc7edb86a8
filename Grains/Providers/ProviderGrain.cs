using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Providers;

/// <summary>One qualified provider: its profile and the centers that engaged it, written before answering, then told to the directory.</summary>
internal sealed class ProviderGrain(
    [PersistentState(StorageNames.ProviderState, StorageNames.Default)] IPersistentState<ProviderState> state,
    TimeProvider clock) : Grain, IProviderGrain
{
    public async Task<RegistryResult> CreateAsync(ProviderProfile profile, string by)
    {
        if (state.State.Profile is not null)
        {
            return RegistryResult.Conflict($"Provider '{profile.Id}' is listed already.");
        }

        await SaveAsync(profile, by);
        return RegistryResult.Created;
    }

    public async Task<RegistryResult> UpdateAsync(ProviderProfile profile, string by)
    {
        if (state.State.Profile is not { } current)
        {
            return RegistryResult.NotFound($"Provider '{profile.Id}' is not listed.");
        }

        await SaveAsync(profile with { RegionId = current.RegionId }, by);
        return RegistryResult.Updated;
    }

    public Task<ProviderView?> GetAsync() => Task.FromResult(View());

    public async Task RecordUseAsync(string centerId)
    {
        if (state.State.Profile is not null && state.State.CenterIds.Add(centerId))
        {
            await state.WriteStateAsync();
            await TellDirectoryAsync();
        }
    }

    private async Task SaveAsync(ProviderProfile profile, string by)
    {
        (state.State.Profile, state.State.ChangedBy, state.State.ChangedAt) = (profile, by, clock.GetUtcNow());
        await state.WriteStateAsync();
        await TellDirectoryAsync();
    }

    private async Task TellDirectoryAsync() =>
        await GrainFactory.GetGrain<IProviderDirectoryGrain>(0).UpsertAsync(
            new ProviderEntry(View()!, await CenterAncestry.GetPathToRootAsync(GrainFactory, state.State.Profile!.RegionId)));

    private ProviderView? View() => state.State.Profile is { } profile
        ? new ProviderView(profile, state.State.ChangedBy, state.State.ChangedAt, [.. state.State.CenterIds])
        : null;
}
