using Lianxin.Common;

namespace Lianxin.EventFeed;

/// <summary>Every live push subscription with its region's path: listed by region, woken when a silo starts.</summary>
internal sealed class EventSubscriptionDirectoryGrain(
    [PersistentState(StorageNames.EventSubscriptionDirectoryState, StorageNames.Default)] IPersistentState<EventSubscriptionDirectoryState> state)
    : Grain, IEventSubscriptionDirectoryGrain
{
    public async Task AddAsync(SubscriptionEntry entry)
    {
        if (!state.State.Entries.TryGetValue(entry.Id, out var existing) || !existing.RegionPath.SequenceEqual(entry.RegionPath))
        {
            state.State.Entries[entry.Id] = entry;
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string id)
    {
        if (state.State.Entries.Remove(id))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<SubscriptionEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<SubscriptionEntry>>([.. state.State.Entries.Values.OrderBy(e => e.Id, StringComparer.Ordinal)]);
}
