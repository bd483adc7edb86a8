using Lianxin.Activity;
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
    /// <summary>The person's duty, null until derived in this activation (see <see cref="DutyAsync"/>).</summary>
    private VolunteerLive? _duty;
    private string? _homeCenter;

    private string Id => this.GetPrimaryKeyString();

    public async Task<VolunteerSnapshot?> GetAsync() =>
        state.State.Profile is null ? null : new VolunteerSnapshot(Id, state.State.Profile, await CurrentLiveAsync());

    public Task<VolunteerProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

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
        _homeCenter = null;
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

        // The centers are told first and the person's duty set last: a call that fails half-way is re-sent by the
        // center's activity and finds the person where they were, so every center is told again.
        var duty = await DutyAsync();
        if (duty is { Status: VolunteerStatus.OnDuty, CenterId: { } previousCenter } && previousCenter != centerId)
        {
            await GrainFactory.GetGrain<ICenterGrain>(previousCenter).SetVolunteerOnDutyAsync(Id, onDuty: false);
        }

        await GrainFactory.GetGrain<ICenterGrain>(centerId).SetVolunteerOnDutyAsync(Id, onDuty: true);
        // Duty here credits a shift of the center the person holds a place on: told in memory, one way, and before the
        // early return (a fresh activation derives duty from the very check-in that tells it). Crediting is idempotent.
        GrainFactory.GetGrain<Shifts.IShiftRotaGrain>(centerId).CreditDutyAsync(Id).Ignore();
        if (duty.Status == VolunteerStatus.OnDuty && duty.CenterId == centerId)
        {
            return RegistryResult.Updated;
        }

        _duty = new VolunteerLive(VolunteerStatus.OnDuty, centerId, clock.GetUtcNow());
        // Where to look after a restart is written only when it changes (the first duty away from home, or the first
        // back home after that), never per check-in.
        var lookAt = centerId == await HomeCenterAsync() ? VolunteerLive.OffDuty : _duty;
        if (state.State.Live.CenterId != lookAt.CenterId)
        {
            state.State.Live = lookAt;
            await state.WriteStateAsync();
        }

        return RegistryResult.Updated;
    }

    public async Task EndDutyAsync(string centerId)
    {
        if (await DutyAsync() is not { Status: VolunteerStatus.OnDuty } duty || duty.CenterId != centerId)
        {
            return;
        }

        await GrainFactory.GetGrain<ICenterGrain>(centerId).SetVolunteerOnDutyAsync(Id, onDuty: false);
        _duty = new VolunteerLive(VolunteerStatus.OffDuty, null, clock.GetUtcNow());
    }

    public async Task<string?> GetDutyCenterAsync() => (await DutyAsync()).CenterId;

    /// <summary>
    /// Duty is derived, not stored per check-in: the centers' activity tells it as the person checks in and out, and a
    /// fresh activation asks the one center where the person can be on duty (their home center, or the last center
    /// away from home, written when they first served there) whether they are inside.
    /// </summary>
    private async Task<VolunteerLive> DutyAsync()
    {
        if (_duty is not null)
        {
            return _duty;
        }

        var center = state.State.Live is { Status: VolunteerStatus.OnDuty, CenterId: { } away } ? away : await HomeCenterAsync();
        var since = center is null ? null : await GrainFactory.GetGrain<ICenterActivityGrain>(center).InsideSinceAsync(Id);
        return _duty ??= since is null ? VolunteerLive.OffDuty : new VolunteerLive(VolunteerStatus.OnDuty, center, since);
    }

    private async Task<string?> HomeCenterAsync() =>
        _homeCenter ??= state.State.Profile is { } profile
            ? (await GrainFactory.GetGrain<IGridGrain>(profile.HomeGridId).GetAsync())?.Profile.CenterId
            : null;
}
