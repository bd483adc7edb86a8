using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Grids;
using Lianxin.Listings;

namespace Lianxin.Volunteers;

/// <summary>A person: registry facts, their place on a grid roster, and their live status.</summary>
internal sealed partial class VolunteerGrain(
    [PersistentState(StorageNames.VolunteerState, StorageNames.Default)] IPersistentState<VolunteerState> state,
    TimeProvider clock) : Grain, IVolunteerGrain
{
    private string Id => this.GetPrimaryKeyString();

    public async Task<VolunteerSnapshot?> GetAsync() =>
        state.State.Profile is null ? null : new VolunteerSnapshot(Id, state.State.Profile, await CurrentLiveAsync());

    public async Task<RegistryResult> CreateAsync(VolunteerProfile profile)
    {
        if (state.State.Profile is { } existing)
        {
            await ListAsync(existing); // a retried creation: the listing may be what it did not reach
            return RegistryResult.Conflict($"Person '{Id}' already exists.");
        }

        // The roster seat is taken first: a lead seat held by someone else refuses the whole creation.
        var seat = await GrainFactory.GetGrain<IGridGrain>(profile.HomeGridId).SetRosterRoleAsync(Id, profile.GridRole, ContactCard.From(profile));
        if (!seat.Succeeded)
        {
            return seat;
        }

        state.State.Profile = profile;
        await state.WriteStateAsync();
        await ListAsync(profile);
        return RegistryResult.Created;
    }

    public async Task<RegistryResult> UpdateAsync(VolunteerProfile profile)
    {
        if (state.State.Profile is not { } previous)
        {
            return RegistryResult.NotFound($"Person '{Id}' does not exist.");
        }

        // The grid's copy of the contact card changes with the profile: emergencies read people from the rosters.
        if (previous.HomeGridId != profile.HomeGridId || previous.GridRole != profile.GridRole || !ContactCard.From(profile).SameAs(ContactCard.From(previous)))
        {
            var seat = await GrainFactory.GetGrain<IGridGrain>(profile.HomeGridId).SetRosterRoleAsync(Id, profile.GridRole, ContactCard.From(profile));
            if (!seat.Succeeded)
            {
                return seat;
            }
        }

        state.State.Profile = profile;
        await state.WriteStateAsync();
        if (previous.HomeGridId != profile.HomeGridId)
        {
            await GrainFactory.GetGrain<IGridGrain>(previous.HomeGridId).RemoveFromRosterAsync(Id);
        }

        await ListAsync(profile);
        return RegistryResult.Updated;
    }

    private Task ListAsync(VolunteerProfile profile) => GrainFactory.GetGrain<IListingGrain>(0).UpsertAsync(ListingLines.Volunteer(Id, profile));

    public async Task<RegistryResult> StartDutyAsync(string centerId)
    {
        if (state.State.Profile is null)
        {
            return RegistryResult.NotFound($"Person '{Id}' does not exist.");
        }

        if (await GrainFactory.GetGrain<ICenterGrain>(centerId).GetLinkAsync() is null)
        {
            return RegistryResult.NotFound($"Center '{centerId}' does not exist.");
        }

        // The centers are told first and the person's status written last: a call that fails half-way is retried
        // by its sender (the center's outbox) and finds the person where they were, so every center is told again.
        var live = state.State.Live;
        if (live is { Status: VolunteerStatus.OnDuty, CenterId: { } previousCenter } && previousCenter != centerId)
        {
            await GrainFactory.GetGrain<ICenterGrain>(previousCenter).SetVolunteerOnDutyAsync(Id, onDuty: false);
        }

        await GrainFactory.GetGrain<ICenterGrain>(centerId).SetVolunteerOnDutyAsync(Id, onDuty: true);
        if (live.Status == VolunteerStatus.OnDuty && live.CenterId == centerId)
        {
            return RegistryResult.Updated;
        }

        state.State.Live = new VolunteerLive(VolunteerStatus.OnDuty, centerId, clock.GetUtcNow());
        await state.WriteStateAsync();
        return RegistryResult.Updated;
    }

    public async Task EndDutyAsync()
    {
        if (state.State.Live is not { Status: VolunteerStatus.OnDuty, CenterId: { } centerId })
        {
            return;
        }

        await GrainFactory.GetGrain<ICenterGrain>(centerId).SetVolunteerOnDutyAsync(Id, onDuty: false);
        state.State.Live = new VolunteerLive(VolunteerStatus.OffDuty, null, clock.GetUtcNow());
        await state.WriteStateAsync();
    }
}
