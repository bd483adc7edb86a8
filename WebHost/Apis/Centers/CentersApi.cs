using Lianxin.Centers;
using Lianxin.WebHost.Apis.Registry;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>The center registry: <c>/api/v1/centers</c>.</summary>
public static class CentersApi
{
    public static RouteGroupBuilder MapCentersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/centers").WithTags("Centers").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        group.MapGet("/{id}", GetAsync).WithSummary("A center: registry facts, live state, subtree totals.").RequireRead(TargetKind.Center);
        group.MapGet("/{id}/children", GetChildrenAsync).WithSummary("The centers directly below a center.").RequireRead(TargetKind.Center);
        group.MapGet("/{id}/map", RegionMap.GetAsync).WithSummary("A center's subtree as GeoJSON: centers as points, grids as polygons.")
            .RequireRead(TargetKind.Center);
        // A new center's access follows from its body (its parent), so the handler checks it after validating the body.
        group.MapPost("/", CreateAsync).WithSummary("Create a center.");
        group.MapPut("/{id}", UpdateAsync).WithSummary("Replace a center's registry facts (moving it changes its parent).")
            .RequireWrite(TargetKind.Center);
        return group;
    }

    private static async Task<Ok<CenterSnapshot>> GetAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICenterGrain>(id).GetAsync());

    private static async Task<Ok<CenterSnapshot[]>> GetChildrenAsync(string id, IGrainFactory grains)
    {
        var center = await grains.GetGrain<ICenterGrain>(id).GetAsync();
        var children = await Task.WhenAll((center?.ChildIds ?? []).Select(c => grains.GetGrain<ICenterGrain>(c).GetAsync()));
        return TypedResults.Ok(children.OfType<CenterSnapshot>().ToArray());
    }

    private static async Task<Results<Created<CenterSnapshot>, ValidationProblem, AccessRefusal, StateRefusal, ForbiddenProblem>> CreateAsync(
        CenterRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var id = v.Id("id", request.Id);
        var profile = request.ToProfile(v);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        if (profile.ParentId is null)
        {
            if (Caller.From(http.User) is not { } caller || !AccessPolicy.CanCreateRoot(caller, id))
            {
                return ApiResults.Forbidden("Only the operator whose region it is may create a root center.");
            }
        }
        else if (ApiResults.CheckWrite(http, await scopes.ForCenterAsync(profile.ParentId), $"Parent center '{profile.ParentId}'") is { } refusal)
        {
            return refusal;
        }

        var center = grains.GetGrain<ICenterGrain>(id);
        if (ApiResults.Refusal(await center.CreateAsync(profile)) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, "center.created", $"center:{id}", await scopes.ForCenterAsync(id));
        return TypedResults.Created($"/api/v1/centers/{id}", await center.GetAsync());
    }

    private static async Task<Results<Ok<CenterSnapshot>, ValidationProblem, AccessRefusal, StateRefusal, ForbiddenProblem>> UpdateAsync(
        string id, CenterRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        v.SamePathId(request.Id, id);

        var profile = request.ToProfile(v);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var target = http.Target();

        // Taking a center out of its tree makes it a root: the same rule as creating one, or staff could cut their
        // center out of sight of the region's operators and out of reach of the region's emergencies.
        if (profile.ParentId is null && target.CenterPath.Count > 1
            && (Caller.From(http.User) is not { } caller || !AccessPolicy.CanCreateRoot(caller, id)))
        {
            return ApiResults.Forbidden("Only the operator whose region it is may make a center a root.");
        }

        // Moving a center needs the right to write at its destination as well; keeping its parent is no move.
        var currentParent = target.CenterPath.Count > 1 ? target.CenterPath[1] : null;
        if (profile.ParentId is { } parentId && parentId != currentParent
            && ApiResults.CheckWrite(http, await scopes.ForCenterAsync(parentId), $"Parent center '{parentId}'") is { } parentRefusal)
        {
            return parentRefusal;
        }

        var center = grains.GetGrain<ICenterGrain>(id);
        if (ApiResults.Refusal(await center.UpdateAsync(profile)) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, "center.updated", $"center:{id}", await scopes.ForCenterAsync(id));
        return TypedResults.Ok(await center.GetAsync());
    }
}
