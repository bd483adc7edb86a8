using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Listings;
using Lianxin.Volunteers;

namespace Lianxin.Grids;

/// <summary>
/// A grid: its boundary, owning center and "1+3+N" roster. Kept in memory once read (each silo reads every grid after
/// it starts, see <c>ResidentGrids</c>): a launch reads the rosters of all the grids it targets, and must not wait for
/// PostgreSQL.
/// </summary>
[KeepAlive]
internal sealed class GridGrain(
    [PersistentState(StorageNames.GridState, StorageNames.Default)] IPersistentState<GridState> state) : Grain, IGridGrain
{
    private string Id => this.GetPrimaryKeyString();

    public Task<GridSnapshot?> GetAsync() => Task.FromResult(
        state.State.Profile is null
            ? null
            : new GridSnapshot(
                Id,
                state.State.Profile,
                [.. state.State.Roster.OrderBy(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => new RosterEntry(e.Key, e.Value, state.State.Contacts.GetValueOrDefault(e.Key)))]));

    public async Task<RegistryResult> CreateAsync(GridProfile profile)
    {
        if (state.State.Profile is { } existing)
        {
            await ListAsync(existing); // a retried creation: the listing may be what it did not reach
            return RegistryResult.Conflict($"Grid '{Id}' already exists.");
        }

        if (await GrainFactory.GetGrain<ICenterGrain>(profile.CenterId).GetLinkAsync() is null)
        {
            return RegistryResult.NotFound($"Center '{profile.CenterId}' does not exist.");
        }

        state.State.Profile = profile;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICenterGrain>(profile.CenterId).AttachGridAsync(Id);
        await ListAsync(profile);
        return RegistryResult.Created;
    }

    public async Task<RegistryResult> UpdateAsync(GridProfile profile)
    {
        if (state.State.Profile is not { } previous)
        {
            return RegistryResult.NotFound($"Grid '{Id}' does not exist.");
        }

        var moved = previous.CenterId != profile.CenterId;
        if (moved && await GrainFactory.GetGrain<ICenterGrain>(profile.CenterId).GetLinkAsync() is null)
        {
            return RegistryResult.NotFound($"Center '{profile.CenterId}' does not exist.");
        }

        state.State.Profile = profile;
        await state.WriteStateAsync();
        if (moved)
        {
            await GrainFactory.GetGrain<ICenterGrain>(profile.CenterId).AttachGridAsync(Id);
            await GrainFactory.GetGrain<ICenterGrain>(previous.CenterId).DetachGridAsync(Id);
        }

        await ListAsync(profile);
        return RegistryResult.Updated;
    }

    public async Task<RegistryResult> SetRosterRoleAsync(string volunteerId, GridRole role, ContactCard? contact)
    {
        if (state.State.Profile is null)
        {
            return RegistryResult.NotFound($"Grid '{Id}' does not exist.");
        }

        var roster = state.State.Roster;
        if (GridRoster.HoldsSingleSeat(role)
            && roster.FirstOrDefault(e => e.Value == role && e.Key != volunteerId) is { Key: { } holder })
        {
            return RegistryResult.Conflict($"Grid '{Id}' already has a {role}: '{holder}'.");
        }

        var contacts = state.State.Contacts;
        var newCard = contact is not null && !contact.SameAs(contacts.GetValueOrDefault(volunteerId));
        if (!roster.TryGetValue(volunteerId, out var current) || current != role || newCard)
        {
            roster[volunteerId] = role;
            if (contact is not null)
            {
                contacts[volunteerId] = contact;
            }

            await state.WriteStateAsync();
        }

        return RegistryResult.Updated;
    }

    public async Task RemoveFromRosterAsync(string volunteerId)
    {
        if (state.State.Roster.Remove(volunteerId) | state.State.Contacts.Remove(volunteerId))
        {
            await state.WriteStateAsync();
        }
    }

    private Task ListAsync(GridProfile profile) => GrainFactory.GetGrain<IListingGrain>(0).UpsertAsync(ListingLines.Grid(Id, profile));
}
