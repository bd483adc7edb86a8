using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>Every emergency's line; written on launch, level change and close (a handful of writes per emergency).</summary>
internal sealed class EmergencyDirectoryGrain(
    [PersistentState(StorageNames.EmergencyDirectoryState, StorageNames.Default)] IPersistentState<EmergencyDirectoryState> state,
    TimeProvider clock)
    : Grain, IEmergencyDirectoryGrain
{
    /// <summary>How long a closed emergency still shows on its people's pages (the end or stand-down message).</summary>
    private static readonly TimeSpan ClosedShownFor = TimeSpan.FromDays(1);

    public async Task UpsertAsync(EmergencyEntry entry)
    {
        if (state.State.Entries.TryGetValue(entry.Id, out var current) && current == entry)
        {
            await ListAsync(entry); // an upsert retried after a crash before the listing: written again
            return;
        }

        state.State.Entries[entry.Id] = entry;
        await state.WriteStateAsync();
        await ListAsync(entry);
    }

    public Task<IReadOnlyList<EmergencyEntry>> ListCurrentAsync()
    {
        var since = clock.GetUtcNow() - ClosedShownFor;
        return Task.FromResult<IReadOnlyList<EmergencyEntry>>(
            [.. state.State.Entries.Values.Where(e => e.Phase == EmergencyPhase.Running || e.ClosedAt is null || e.ClosedAt >= since).OrderByDescending(e => e.LaunchedAt)]);
    }

    public Task<IReadOnlyList<EmergencyEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<EmergencyEntry>>([.. state.State.Entries.Values.OrderByDescending(e => e.LaunchedAt)]);

    private Task ListAsync(EmergencyEntry entry) => GrainFactory.GetGrain<Listings.IListingGrain>(0).UpsertAsync(Listings.ListingLines.Emergency(entry));
}
