using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>Every emergency's line; written on launch, level change and close (a handful of writes per emergency).</summary>
internal sealed class EmergencyDirectoryGrain(
    [PersistentState(StorageNames.EmergencyDirectoryState, StorageNames.Default)] IPersistentState<EmergencyDirectoryState> state)
    : Grain, IEmergencyDirectoryGrain
{
    public async Task UpsertAsync(EmergencyEntry entry)
    {
        if (state.State.Entries.TryGetValue(entry.Id, out var current) && current == entry)
        {
            return;
        }

        state.State.Entries[entry.Id] = entry;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<EmergencyEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<EmergencyEntry>>([.. state.State.Entries.Values.OrderByDescending(e => e.LaunchedAt)]);
}
