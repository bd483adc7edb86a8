using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>The list of scenarios, for listing by owner.</summary>
internal sealed class ScenarioCatalogGrain(
    [PersistentState(StorageNames.ScenarioCatalogState, StorageNames.Default)] IPersistentState<ScenarioCatalogState> state)
    : Grain, IScenarioCatalogGrain
{
    public async Task UpsertAsync(ScenarioEntry entry)
    {
        if (state.State.Entries.TryGetValue(entry.Id, out var current) && current == entry)
        {
            return;
        }

        state.State.Entries[entry.Id] = entry;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ScenarioEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ScenarioEntry>>([.. state.State.Entries.Values.OrderBy(e => e.Id, StringComparer.Ordinal)]);
}
