using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// The registry's access checks on a route's <c>{id}</c> as endpoint filters, so a handler runs only for a caller who
/// may: 404 for a target that does not exist, 403 for one outside the caller's scope (<see cref="ApiResults.CheckRead"/>,
/// <see cref="ApiResults.CheckWrite"/>). The filter declares the refusals it answers, and leaves the target it resolved
/// to the handler (<see cref="Target"/>) so no actor is asked twice.
/// </summary>
internal static class AccessFilters
{
    public static RouteHandlerBuilder RequireRead(this RouteHandlerBuilder endpoint, TargetKind kind) =>
        endpoint.Require(kind, ApiResults.CheckRead);

    public static RouteHandlerBuilder RequireWrite(this RouteHandlerBuilder endpoint, TargetKind kind) =>
        endpoint.Require(kind, ApiResults.CheckWrite);

    /// <summary>The target the access filter of the endpoint resolved and let through.</summary>
    public static AccessTarget Target(this HttpContext http) => (AccessTarget)http.Items[typeof(AccessTarget)]!;

    private static RouteHandlerBuilder Require(
        this RouteHandlerBuilder endpoint, TargetKind kind, Func<HttpContext, AccessTarget, string, ProblemHttpResult?> check) =>
        endpoint
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var id = (string)http.GetRouteValue("id")!;
                var target = await kind.ResolveAsync(http.RequestServices.GetRequiredService<ScopeResolver>(), id);
                if (check(http, target, $"{kind.Noun} '{id}'") is { } refusal)
                {
                    return refusal;
                }

                http.Items[typeof(AccessTarget)] = target;
                return await next(context);
            })
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
