using System.Security.Claims;
using Lianxin.Centers;
using Lianxin.Emergencies;
using Lianxin.Live;
using Lianxin.WebHost.Apis.Emergencies;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.SignalR;

namespace Lianxin.WebHost.Live;

/// <summary>
/// Who may watch which scope, by the same rules as the HTTP API (<see cref="AccessPolicy.CanRead"/>): operators and
/// auditors their region's regions, centers and grids; staff their center; a grid lead its grid; a volunteer
/// themselves. Refusals are <see cref="HubException"/>s, whose message reaches the client.
/// </summary>
public sealed class LiveScopeAccess(ScopeResolver scopes, IGrainFactory grains)
{
    public async Task DemandAsync(ClaimsPrincipal? user, string scope)
    {
        if (user is null || Caller.From(user) is not { } caller)
        {
            throw new HubException("A token with a role and a scope is required.");
        }

        if (!LiveScope.TryParse(scope, out var kind, out var id))
        {
            throw new HubException($"'{scope}' is not a scope: use region:, center:, grid:, emergency: or volunteer: followed by an id.");
        }

        if (kind == LiveScope.EmergencyKind)
        {
            await DemandEmergencyAsync(caller, scope, id);
            return;
        }

        var target = await ResolveAsync(kind, id);
        if (target.CenterPath.Count == 0)
        {
            throw new HubException($"'{scope}' does not exist.");
        }

        if (!AccessPolicy.CanRead(caller, target))
        {
            throw new HubException($"'{scope}' is outside your scope.");
        }
    }

    /// <summary>An emergency's roll-call is watched by whoever may follow it through the API.</summary>
    private async Task DemandEmergencyAsync(Caller caller, string scope, string id)
    {
        if (await grains.GetGrain<IEmergencyGrain>(id).GetAsync() is not { } emergency)
        {
            throw new HubException($"'{scope}' does not exist.");
        }

        if (!await EmergencyGate.MayFollowAsync(caller, emergency.Definition, scopes, grains))
        {
            throw new HubException($"'{scope}' is outside your scope.");
        }
    }

    private async Task<AccessTarget> ResolveAsync(string kind, string id)
    {
        switch (kind)
        {
            case LiveScope.RegionKind:
                var link = await grains.GetGrain<ICenterGrain>(id).GetLinkAsync();
                return link is not null && LiveScope.IsRegionLevel(link.Level) ? await scopes.ForCenterAsync(id) : new AccessTarget([]);
            case LiveScope.CenterKind:
                return await scopes.ForCenterAsync(id);
            case LiveScope.GridKind:
                return await scopes.ForGridAsync(id);
            case LiveScope.VolunteerKind:
                var person = await scopes.ForVolunteerAsync(id);
                return person.CenterPath.Count == 0 ? new AccessTarget([]) : person;
            default:
                return new AccessTarget([]);
        }
    }
}
