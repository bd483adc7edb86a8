using Lianxin.Centers;
using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>The residential points a center answers for.</summary>
internal sealed class ResidentialPointsGrain(
    [PersistentState(StorageNames.ResidentialPointsState, StorageNames.Default)] IPersistentState<ResidentialPointsState> state) : Grain, IResidentialPointsGrain
{
    public async Task<RegistryResult> ReplaceAsync(IReadOnlyList<ResidentialPoint> points)
    {
        var centerId = this.GetPrimaryKeyString();
        if (await GrainFactory.GetGrain<ICenterGrain>(centerId).GetLinkAsync() is null)
        {
            return RegistryResult.NotFound($"Center '{centerId}' does not exist.");
        }

        var created = !state.RecordExists;
        state.State.Points = [.. points];
        await state.WriteStateAsync();
        return created ? RegistryResult.Created : RegistryResult.Updated;
    }

    public Task<IReadOnlyList<ResidentialPoint>> GetAsync() =>
        Task.FromResult<IReadOnlyList<ResidentialPoint>>([.. state.State.Points]);
}
