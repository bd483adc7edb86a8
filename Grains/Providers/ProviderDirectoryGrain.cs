using Lianxin.Common;

namespace Lianxin.Providers;

/// <summary>Every listed provider, as each provider's actor last told it.</summary>
internal sealed class ProviderDirectoryGrain(
    [PersistentState(StorageNames.ProviderDirectoryState, StorageNames.Default)] IPersistentState<ProviderDirectoryState> state)
    : Grain, IProviderDirectoryGrain
{
    public async Task UpsertAsync(ProviderEntry entry)
    {
        state.State.Entries[entry.Provider.Profile.Id] = entry;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ProviderEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ProviderEntry>>([.. state.State.Entries.Values.OrderBy(e => e.Provider.Profile.Id, StringComparer.Ordinal)]);
}
