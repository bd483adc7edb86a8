using Lianxin.Common;
using Lianxin.Kiosks;
using Microsoft.Extensions.Options;

namespace Lianxin.Providers;

/// <summary>Every listed provider, as each provider's actor last told it.</summary>
internal sealed class ProviderDirectoryGrain(
    [PersistentState(StorageNames.ProviderDirectoryState, StorageNames.Default)] IPersistentState<ProviderDirectoryState> state,
    TimeProvider clock,
    IOptions<KioskOptions> kioskOptions)
    : Grain, IProviderDirectoryGrain
{
    public async Task UpsertAsync(ProviderEntry entry)
    {
        state.State.Entries[entry.Provider.Profile.Id] = entry;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ProviderEntry>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ProviderEntry>>([.. state.State.Entries.Values.OrderBy(e => e.Provider.Profile.Id, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<LicenceWarning>> WarningsAsync(string centerId)
    {
        var calendar = new LocalCalendar(kioskOptions.Value.Zone);
        return Task.FromResult(LicenceWarnings.For(centerId, state.State.Entries.Values.Select(e => e.Provider), calendar.Day(clock.GetUtcNow())));
    }
}
