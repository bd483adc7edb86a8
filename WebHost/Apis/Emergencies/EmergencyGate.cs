using Lianxin.Emergencies;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>Resolves what the emergency access rules need and answers the refusals (404 before 403).</summary>
internal static class EmergencyGate
{
    /// <summary>Where the caller's scope hangs in the tree: a grid lead's grid, anyone else's center.</summary>
    public static Task<AccessTarget> PlaceOfAsync(Caller caller, ScopeResolver scopes) => caller.Role switch
    {
        Role.GridLead => scopes.ForGridAsync(caller.ScopeId),
        Role.Volunteer => scopes.ForVolunteerAsync(caller.ScopeId),
        _ => scopes.ForCenterAsync(caller.ScopeId),
    };

    public static async Task<AccessTarget> HomeOfAsync(EmergencyDefinition definition, ScopeResolver scopes) =>
        await scopes.ForCenterAsync(definition.Launch.HomeCenterId) with { GridId = definition.Launch.HomeGridId };

    /// <summary>The emergency when the caller may follow it; otherwise the refusal.</summary>
    public static async Task<(EmergencyView? View, IResult? Refusal)> FollowAsync(HttpContext http, string id, ScopeResolver scopes, IGrainFactory grains)
    {
        var emergency = grains.GetGrain<IEmergencyGrain>(id);
        if (await emergency.GetAsync() is not { } view)
        {
            return (null, ApiResults.NotFound($"Emergency '{id}' does not exist."));
        }

        var caller = Caller.From(http.User)!;
        return await MayFollowAsync(caller, view.Definition, scopes, grains)
            ? (view, null)
            : (null, ApiResults.Forbidden($"Emergency '{id}' is outside your scope."));
    }

    public static async Task<bool> MayFollowAsync(Caller caller, EmergencyDefinition definition, ScopeResolver scopes, IGrainFactory grains)
    {
        var gridIds = caller.Role == Role.GridLead
            ? (await grains.GetGrain<IEmergencyGrain>(definition.Id).GetRollCallAsync())?.Grids.Select(g => g.GridId).ToList() ?? []
            : [];
        return AccessPolicy.CanFollowEmergency(caller, await HomeOfAsync(definition, scopes), await PlaceOfAsync(caller, scopes), gridIds);
    }

    /// <summary>The emergency when the caller may command it (level, end, cancel); otherwise the refusal.</summary>
    public static async Task<(EmergencyView? View, IResult? Refusal)> CommandAsync(HttpContext http, string id, ScopeResolver scopes, IGrainFactory grains)
    {
        if (await grains.GetGrain<IEmergencyGrain>(id).GetAsync() is not { } view)
        {
            return (null, ApiResults.NotFound($"Emergency '{id}' does not exist."));
        }

        return AccessPolicy.CanCommandEmergency(Caller.From(http.User)!, await HomeOfAsync(view.Definition, scopes))
            ? (view, null)
            : (null, ApiResults.Forbidden($"Only the operator of its region or the grid lead who launched it may command emergency '{id}'."));
    }
}
