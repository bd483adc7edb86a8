using Lianxin.Grids;
using Lianxin.Volunteers;
using Lianxin.WebHost.Apis.Registry;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>The grid registry: <c>/api/v1/grids</c>, with each grid's "1+3+N" roster.</summary>
public static class GridsApi
{
    public static RouteGroupBuilder MapGridsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/grids").WithTags("Grids").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        group.MapGet("/{id}", GetAsync).WithSummary("A grid: owning center, boundary (GeoJSON) and roster.").RequireRead(TargetKind.Grid);
        group.MapGet("/{id}/roster", GetRosterAsync).WithSummary("The people of a grid with their roles.").RequireRead(TargetKind.Grid);
        // A new grid's access follows from its body (its center), so the handler checks it after validating the body.
        group.MapPost("/", CreateAsync).WithSummary("Create a grid under a center.");
        group.MapPut("/{id}", UpdateAsync).WithSummary("Replace a grid's facts.").RequireWrite(TargetKind.Grid);
        return group;
    }

    private static async Task<Ok<GridResponse>> GetAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(GridResponse.From((await grains.GetGrain<IGridGrain>(id).GetAsync())!));

    private static async Task<Ok<RosterMember[]>> GetRosterAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var grid = await grains.GetGrain<IGridGrain>(id).GetAsync();
        var caller = Caller.From(http.User)!;
        var people = await Task.WhenAll((grid?.Roster ?? []).Select(async entry =>
            new RosterMember(entry.Role, await grains.GetGrain<IVolunteerGrain>(entry.VolunteerId).GetAsync() is { } person ? PersonalDataViews.For(caller, person) : null)));
        return TypedResults.Ok(people);
    }

    private static async Task<Results<Created<GridResponse>, ValidationProblem, AccessRefusal, StateRefusal>> CreateAsync(
        GridRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var id = v.Id("id", request.Id);
        var profile = request.ToProfile(v);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        if (ApiResults.CheckWrite(http, await scopes.ForCenterAsync(profile.CenterId), $"Center '{profile.CenterId}'") is { } refusal)
        {
            return refusal;
        }

        var grid = grains.GetGrain<IGridGrain>(id);
        if (ApiResults.Refusal(await grid.CreateAsync(profile)) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, "grid.created", $"grid:{id}", await scopes.ForGridAsync(id));
        return TypedResults.Created($"/api/v1/grids/{id}", GridResponse.From((await grid.GetAsync())!));
    }

    private static async Task<Results<Ok<GridResponse>, ValidationProblem, AccessRefusal, NotFoundProblem>> UpdateAsync(
        string id, GridRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        v.SamePathId(request.Id, id);

        var profile = request.ToProfile(v);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        // Moving a grid needs the right to write at the destination center as well.
        if (ApiResults.CheckWrite(http, await scopes.ForCenterAsync(profile.CenterId), $"Center '{profile.CenterId}'") is { } refusal)
        {
            return refusal;
        }

        var grid = grains.GetGrain<IGridGrain>(id);
        if (ApiResults.Missing(await grid.UpdateAsync(profile)) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, "grid.updated", $"grid:{id}", await scopes.ForGridAsync(id));
        return TypedResults.Ok(GridResponse.From((await grid.GetAsync())!));
    }
}

/// <summary>A grid as the API answers it: the boundary as GeoJSON.</summary>
public sealed record GridResponse(string Id, string CenterId, string Name, GeoJsonPolygon Boundary, IReadOnlyList<RosterEntry> Roster)
{
    public static GridResponse From(GridSnapshot grid) =>
        new(grid.Id, grid.Profile.CenterId, grid.Profile.Name, GeoJsonPolygon.FromDomain(grid.Profile.Boundary), grid.Roster);
}

/// <summary>One person of a grid's roster.</summary>
public sealed record RosterMember(GridRole Role, VolunteerSnapshot? Person);
