using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>A prepared scenario; its owner is fixed when it is created.</summary>
internal sealed class ScenarioGrain(
    [PersistentState(StorageNames.ScenarioState, StorageNames.Default)] IPersistentState<ScenarioState> state,
    TimeProvider clock) : Grain, IScenarioGrain
{
    private string Id => this.GetPrimaryKeyString();

    public Task<ScenarioSnapshot?> GetAsync() => Task.FromResult(
        state.State.Definition is { } definition ? new ScenarioSnapshot(Id, definition, state.State.UpdatedAt) : null);

    public async Task<RegistryResult> SaveAsync(ScenarioDefinition definition)
    {
        var existing = state.State.Definition;
        if (existing is not null && (existing.OwnerCenterId != definition.OwnerCenterId || existing.OwnerGridId != definition.OwnerGridId))
        {
            return RegistryResult.Conflict($"Scenario '{Id}' belongs to {existing.OwnerCenterId ?? existing.OwnerGridId}; its owner cannot change.");
        }

        state.State.Definition = definition;
        state.State.UpdatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IScenarioCatalogGrain>(0)
            .UpsertAsync(new ScenarioEntry(Id, definition.Name, definition.Level, definition.OwnerCenterId, definition.OwnerGridId));
        return existing is null ? RegistryResult.Created : RegistryResult.Updated;
    }
}
