using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.Metadata;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// Access checks on a route's <c>{id}</c> as endpoint filters, so a handler runs only for a caller who may: 404 for a
/// target that does not exist, 403 for one outside the caller's scope. The registry's are here
/// (<see cref="ApiResults.CheckRead"/>, <see cref="ApiResults.CheckWrite"/>); a feature with rules of its own passes
/// its check to <c>Require</c>. A check leaves what it resolved to the handler (<see cref="Target"/>) so no actor
/// is asked twice.
/// </summary>
internal static class AccessFilters
{
    public static RouteHandlerBuilder RequireRead(this RouteHandlerBuilder endpoint, TargetKind kind) =>
        endpoint.Require(kind, ApiResults.CheckRead);

    public static RouteHandlerBuilder RequireWrite(this RouteHandlerBuilder endpoint, TargetKind kind) =>
        endpoint.Require(kind, ApiResults.CheckWrite);

    /// <summary>The target the access filter of the endpoint resolved and let through.</summary>
    public static AccessTarget Target(this HttpContext http) => (AccessTarget)http.Items[typeof(AccessTarget)]!;

    /// <summary>
    /// Runs <paramref name="checkAsync"/> on the route's <c>{id}</c> before the handler: its refusal is the answer, null
    /// lets the request through. The statuses the check answers are documented by its refusal's type.
    /// </summary>
    public static RouteHandlerBuilder Require<TRefusal>(this RouteHandlerBuilder endpoint, Func<HttpContext, string, Task<TRefusal?>> checkAsync)
        where TRefusal : Refusal, IEndpointMetadataProvider =>
        endpoint.Check(http => checkAsync(http, (string)http.GetRouteValue("id")!));

    /// <summary>
    /// Runs <paramref name="checkAsync"/> before the handler: its refusal is the answer, null lets the request through.
    /// The statuses it answers are documented by the refusal's type.
    /// </summary>
    public static RouteHandlerBuilder Check<TRefusal>(this RouteHandlerBuilder endpoint, Func<HttpContext, Task<TRefusal?>> checkAsync)
        where TRefusal : Refusal, IEndpointMetadataProvider
    {
        endpoint
            .AddEndpointFilter(async (context, next) => await checkAsync(context.HttpContext) is { } refusal ? refusal : await next(context))
            .Add(Refusal.DeclareOn<TRefusal>);
        return endpoint;
    }

    /// <summary>
    /// Documents <typeparamref name="TRefusal"/> on every endpoint of <paramref name="group"/> for a refusal the pipeline
    /// answers before any filter or handler runs (an authentication scheme's challenge).
    /// </summary>
    public static RouteGroupBuilder Refuses<TRefusal>(this RouteGroupBuilder group)
        where TRefusal : Refusal, IEndpointMetadataProvider
    {
        ((IEndpointConventionBuilder)group).Add(Refusal.DeclareOn<TRefusal>);
        return group;
    }

    /// <summary>
    /// Checks the route's values with <paramref name="check"/> before the access filters added after it, so a malformed
    /// path is a bad request for every caller, in scope or not.
    /// </summary>
    public static RouteHandlerBuilder ValidateRoute(this RouteHandlerBuilder endpoint, Action<Validation, HttpContext> check) =>
        endpoint
            .AddEndpointFilter(async (context, next) =>
            {
                var v = new Validation();
                check(v, context.HttpContext);
                return v.IsValid ? await next(context) : ApiResults.Invalid(v);
            })
            .ProducesValidationProblem();

    /// <summary>Like <see cref="ValidateRoute"/> for route values that are ids, checked in the order given.</summary>
    public static RouteHandlerBuilder ValidateIds(this RouteHandlerBuilder endpoint, params string[] names) =>
        endpoint.ValidateRoute((v, http) =>
        {
            foreach (var name in names)
            {
                v.Id(name, (string?)http.GetRouteValue(name));
            }
        });

    /// <summary>Like <see cref="RequireRead"/> with a feature's own rule for the target the route's <c>{id}</c> names.</summary>
    public static RouteHandlerBuilder Require(
        this RouteHandlerBuilder endpoint, TargetKind kind, Func<HttpContext, AccessTarget, string, AccessRefusal?> check) =>
        endpoint.Require((http, id) => CheckAsync(http, kind, id, check));

    private static async Task<AccessRefusal?> CheckAsync(
        HttpContext http, TargetKind kind, string id, Func<HttpContext, AccessTarget, string, AccessRefusal?> check)
    {
        var target = await kind.ResolveAsync(http.RequestServices.GetRequiredService<ScopeResolver>(), id);
        if (check(http, target, $"{kind.Noun} '{id}'") is { } refusal)
        {
            return refusal;
        }

        http.Items[typeof(AccessTarget)] = target;
        return null;
    }
}
