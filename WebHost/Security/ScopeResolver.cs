using Lianxin.Centers;
using Lianxin.Grids;
using Lianxin.Hosting;
using Lianxin.Kiosks;
using Lianxin.Volunteers;

namespace Lianxin.WebHost.Security;

/// <summary>Turns ids in a request into <see cref="AccessTarget"/>s by asking the actors where they hang.</summary>
public sealed class ScopeResolver(IGrainFactory grains)
{
    public async Task<AccessTarget> ForCenterAsync(string centerId) =>
        new(await CenterAncestry.GetPathToRootAsync(grains, centerId));

    public async Task<AccessTarget> ForGridAsync(string gridId)
    {
        var grid = await grains.GetGrain<IGridGrain>(gridId).GetAsync();
        return grid is null
            ? new AccessTarget([], gridId)
            : new AccessTarget(await CenterAncestry.GetPathToRootAsync(grains, grid.Profile.CenterId), gridId);
    }

    /// <summary>A volunteer team hangs where its center does.</summary>
    public async Task<AccessTarget> ForTeamAsync(string teamId) =>
        await grains.GetGrain<IVolunteerTeamGrain>(teamId).GetAsync() is { } team
            ? await ForCenterAsync(team.CenterId)
            : new AccessTarget([]);

    public async Task<AccessTarget> ForVolunteerAsync(string volunteerId)
    {
        var person = await grains.GetGrain<IVolunteerGrain>(volunteerId).GetProfileAsync();
        if (person is null)
        {
            return new AccessTarget([], null, volunteerId);
        }

        var grid = await ForGridAsync(person.HomeGridId);
        return grid with { VolunteerId = volunteerId };
    }

    /// <summary>A kiosk hangs where its center does.</summary>
    public async Task<AccessTarget> ForKioskAsync(string kioskId) =>
        await grains.GetGrain<IKioskGrain>(kioskId).GetAsync() is { } kiosk
            ? await ForCenterAsync(kiosk.Profile.CenterId)
            : new AccessTarget([]);
}
