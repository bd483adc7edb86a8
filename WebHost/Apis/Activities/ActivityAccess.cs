using Lianxin.Activities;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Activities;

/// <summary>
/// Who may do what with activities, on top of <see cref="AccessPolicy"/>: organisers (operators and staff whose scope
/// covers the center) publish, cancel, check in and see who signed up; readers of the center see it; any volunteer
/// browses activities (the audience rule decides who may join) and signs up, cancels and confirms only as themselves;
/// so does a resident (an activity for everyone admits them).
/// </summary>
internal static class ActivityAccess
{
    /// <summary>The activity and its center's access target; a refusal when it does not exist.</summary>
    public static async Task<(ActivityView? View, AccessTarget Target)> ResolveAsync(string id, ScopeResolver scopes, IGrainFactory grains)
    {
        var view = await grains.GetGrain<IServiceActivityGrain>(id).GetAsync();
        return view is null ? (null, new AccessTarget([])) : (view, await scopes.ForCenterAsync(view.Definition.CenterId));
    }

    /// <summary>The activity the access filter of the request read and let through; its center is <see cref="AccessFilters.Target"/>.</summary>
    public static ActivityView Activity(this HttpContext http) => (ActivityView)http.Items[typeof(ActivityView)]!;

    /// <summary>
    /// Runs the handler only for a caller <paramref name="allowed"/> lets act on the activity the route's <c>{id}</c> names
    /// (given the route's <c>{personId}</c>, if any, and the activity's center); otherwise 404 or 403 saying what it
    /// <paramref name="needs"/>.
    /// </summary>
    public static RouteHandlerBuilder RequireActivity(this RouteHandlerBuilder endpoint, Func<Caller, string, AccessTarget, bool> allowed, string needs) =>
        endpoint.Require(async (http, id) =>
        {
            var (view, target) = await ResolveAsync(id, http.RequestServices.GetRequiredService<ScopeResolver>(), http.RequestServices.GetRequiredService<IGrainFactory>());
            var personId = (string?)http.GetRouteValue("personId") ?? "";
            if (Check(http, view, target, id, c => allowed(c, personId, target), needs) is { } refusal)
            {
                return refusal;
            }

            http.Items[typeof(ActivityView)] = view;
            http.Items[typeof(AccessTarget)] = target;
            return null;
        });

    public static bool CanBrowse(Caller caller, AccessTarget center) => caller.Role is Role.Volunteer or Role.Resident || AccessPolicy.CanRead(caller, center);

    public static bool CanOrganise(Caller caller, AccessTarget center) => AccessPolicy.CanWriteRegistry(caller, center);

    /// <summary>A person's own steps: the person with a volunteer or resident token, or an organiser on their behalf.</summary>
    public static bool CanActFor(Caller caller, string personId, AccessTarget center) =>
        caller.IsPerson(personId) || CanOrganise(caller, center);

    /// <summary>A person's place: the person, or whoever may read the center.</summary>
    public static bool CanSeePlace(Caller caller, string personId, AccessTarget center) =>
        caller.IsPerson(personId) || AccessPolicy.CanRead(caller, center);

    /// <summary>Null when the caller passes <paramref name="allowed"/>: 404 for an activity that does not exist, else 403.</summary>
    public static AccessRefusal? Check(HttpContext http, ActivityView? view, AccessTarget target, string id, Func<Caller, bool> allowed, string needs) =>
        view is null || target.CenterPath.Count == 0 ? ApiResults.NotFound($"Activity '{id}' does not exist.")
        : Caller.From(http.User) is { } caller && allowed(caller) ? null
        : ApiResults.Forbidden($"Activity '{id}': {needs}");
}
