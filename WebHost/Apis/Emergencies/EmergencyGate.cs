using Lianxin.Emergencies;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Emergencies;

/// <summary>
/// The emergency access rules on a route's <c>{id}</c>, as <see cref="AccessFilters"/> checks (404 before 403): who may
/// follow an emergency and who may command it. A check that lets the caller through leaves the emergency it read to the
/// handler (<see cref="Emergency"/>).
/// </summary>
internal static class EmergencyGate
{
    /// <summary>Runs the handler only for a caller who may follow the emergency.</summary>
    public static RouteHandlerBuilder RequireFollow(this RouteHandlerBuilder endpoint) => endpoint.Require(FollowAsync);

    /// <summary>Runs the handler only for a caller who may command the emergency (level, end, cancel).</summary>
    public static RouteHandlerBuilder RequireCommand(this RouteHandlerBuilder endpoint) => endpoint.Require(CommandAsync);

    /// <summary>The emergency the access check of the request read and let through.</summary>
    public static EmergencyView Emergency(this HttpContext http) => (EmergencyView)http.Items[typeof(EmergencyView)]!;

    /// <summary>Where the caller's scope hangs in the tree: a grid lead's grid, anyone else's center.</summary>
    public static Task<AccessTarget> PlaceOfAsync(Caller caller, ScopeResolver scopes) => caller.Role switch
    {
        Role.GridLead => scopes.ForGridAsync(caller.ScopeId),
        Role.Volunteer => scopes.ForVolunteerAsync(caller.ScopeId),
        _ => scopes.ForCenterAsync(caller.ScopeId),
    };

    public static async Task<AccessTarget> HomeOfAsync(EmergencyDefinition definition, ScopeResolver scopes) =>
        await scopes.ForCenterAsync(definition.Launch.HomeCenterId) with { GridId = definition.Launch.HomeGridId };

    /// <summary>Null when the caller may follow the emergency; otherwise the refusal.</summary>
    private static Task<AccessRefusal?> FollowAsync(HttpContext http, string id) =>
        CheckAsync(http, id, async (caller, view, scopes, grains) => await MayFollowAsync(caller, view.Definition, scopes, grains)
            ? null
            : ApiResults.Forbidden($"Emergency '{id}' is outside your scope."));

    /// <summary>Null when the caller may command the emergency (level, end, cancel); otherwise the refusal.</summary>
    private static Task<AccessRefusal?> CommandAsync(HttpContext http, string id) =>
        CheckAsync(http, id, async (caller, view, scopes, _) => AccessPolicy.CanCommandEmergency(caller, await HomeOfAsync(view.Definition, scopes))
            ? null
            : ApiResults.Forbidden($"Only the operator of its region or the grid lead who launched it may command emergency '{id}'."));

    public static async Task<bool> MayFollowAsync(Caller caller, EmergencyDefinition definition, ScopeResolver scopes, IGrainFactory grains)
    {
        var gridIds = caller.Role == Role.GridLead
            ? (await grains.GetGrain<IEmergencyGrain>(definition.Id).GetRollCallAsync())?.Grids.Select(g => g.GridId).ToList() ?? []
            : [];
        return AccessPolicy.CanFollowEmergency(caller, await HomeOfAsync(definition, scopes), await PlaceOfAsync(caller, scopes), gridIds);
    }

    private static async Task<AccessRefusal?> CheckAsync(
        HttpContext http, string id, Func<Caller, EmergencyView, ScopeResolver, IGrainFactory, Task<AccessRefusal?>> checkAsync)
    {
        var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
        if (await grains.GetGrain<IEmergencyGrain>(id).GetAsync() is not { } view)
        {
            return ApiResults.NotFound($"Emergency '{id}' does not exist.");
        }

        if (await checkAsync(Caller.From(http.User)!, view, http.RequestServices.GetRequiredService<ScopeResolver>(), grains) is { } refusal)
        {
            return refusal;
        }

        http.Items[typeof(EmergencyView)] = view;
        return null;
    }
}
