using Lianxin.Providers;
using Lianxin.WebHost.Apis.Providers;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// Qualified providers (资质审核): a region's list of third-party operators, managed by the region's operators (audited),
/// read by the operators, auditors and staff of the region and of the centers below it. A center's licence warnings
/// are at <c>/api/v1/centers/{id}/provider-warnings</c>.
/// </summary>
public static class ProvidersApi
{
    public static RouteGroupBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/providers").WithTags("Providers").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        group.MapGet("/", ListAsync).WithSummary("The qualified providers the caller's region may engage or manages: licence, services, validity, rating.");
        group.MapGet("/{id}", GetAsync).WithSummary("One provider, with the centers that engaged it.");
        group.MapPost("/", CreateAsync).WithSummary("List a provider on a region's list (operators of the region).");
        group.MapPut("/{id}", UpdateAsync).WithSummary("Change a provider: licence, services, validity, rating, suspension (operators of its region).");
        app.MapGroup("/api/v1/centers/{id}/provider-warnings").WithTags("Providers").RequireAuthorization(AuthConfiguration.AnyRolePolicy)
            .MapGet("/", WarningsAsync)
            .WithSummary("Providers the center engaged whose licence runs out within 30 days or has run out.").RequireRead(TargetKind.Center);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<ProviderView>>, ForbiddenProblem>> ListAsync(HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        if (Caller.From(http.User) is not { Role: Role.Operator or Role.Auditor or Role.Staff } caller)
        {
            return ApiResults.Forbidden("The provider list is for operators, auditors and staff.");
        }

        var place = await scopes.ForCenterAsync(caller.ScopeId);
        var entries = await grains.GetGrain<IProviderDirectoryGrain>(0).ListAsync();
        return TypedResults.Ok<IReadOnlyList<ProviderView>>([.. entries.Where(e => Visible(caller, place, e.RegionPath)).Select(e => e.Provider)]);
    }

    private static async Task<Results<Ok<ProviderView>, ForbiddenProblem, NotFoundProblem>> GetAsync(string id, HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        var view = await grains.GetGrain<IProviderGrain>(id).GetAsync();
        if (view is null)
        {
            return ApiResults.NotFound($"Provider '{id}' is not listed.");
        }

        var region = await scopes.ForCenterAsync(view.Profile.RegionId);
        return Caller.From(http.User) is { Role: Role.Operator or Role.Auditor or Role.Staff } caller
            && Visible(caller, await scopes.ForCenterAsync(caller.ScopeId), region.CenterPath)
            ? TypedResults.Ok(view)
            : ApiResults.Forbidden($"Provider '{id}' is on the list of a region outside your scope.");
    }

    private static async Task<Results<Created<ProviderView>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> CreateAsync(
        ProviderRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        if (Caller.From(http.User) is not { Role: Role.Operator } caller)
        {
            return ApiResults.Forbidden("Providers are listed by operators of a region.");
        }

        var v = new Validation();
        var id = v.Id("id", request.Id);
        var regionId = request.RegionId is null ? caller.ScopeId : v.Id("regionId", request.RegionId);
        var profile = ProviderDraft.Read(v, request, id, regionId);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var region = await scopes.ForCenterAsync(regionId);
        if (region.CenterPath.Count == 0)
        {
            return ApiResults.NotFound($"Region '{regionId}' does not exist.");
        }

        if (!region.CenterPath.Contains(caller.ScopeId))
        {
            return ApiResults.Forbidden($"Region '{regionId}' is outside your scope.");
        }

        var grain = grains.GetGrain<IProviderGrain>(id);
        var result = await grain.CreateAsync(profile, caller.Actor);
        if (!result.Succeeded)
        {
            return ApiResults.Conflict(result.Detail);
        }

        await audit.RecordAsync(http, AuditActions.ProviderCreated, $"provider:{id}", region, details: Details(profile));
        return TypedResults.Created($"/api/v1/providers/{id}", (await grain.GetAsync())!);
    }

    private static async Task<Results<Ok<ProviderView>, ValidationProblem, ForbiddenProblem, NotFoundProblem>> UpdateAsync(
        string id, ProviderRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        if (request.Id is not null && request.Id != id)
        {
            v.Add("id", "Must be the id in the path, or left out.");
        }

        var grain = grains.GetGrain<IProviderGrain>(id);
        var current = await grain.GetAsync();
        var profile = ProviderDraft.Read(v, request, id, current?.Profile.RegionId ?? "");
        if (current is not null && request.RegionId is not null && request.RegionId != current.Profile.RegionId)
        {
            v.Add("regionId", "A provider stays on the list it was put on: list it anew on another region's list.");
        }

        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        if (current is null)
        {
            return ApiResults.NotFound($"Provider '{id}' is not listed.");
        }

        var region = await scopes.ForCenterAsync(current.Profile.RegionId);
        if (Caller.From(http.User) is not { Role: Role.Operator } caller || !region.CenterPath.Contains(caller.ScopeId))
        {
            return ApiResults.Forbidden($"Provider '{id}' is managed by operators of region '{current.Profile.RegionId}'.");
        }

        await grain.UpdateAsync(profile, caller.Actor);
        await audit.RecordAsync(http, AuditActions.ProviderUpdated, $"provider:{id}", region, details: Details(profile));
        return TypedResults.Ok((await grain.GetAsync())!);
    }

    private static async Task<Ok<IReadOnlyList<LicenceWarning>>> WarningsAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IProviderDirectoryGrain>(0).WarningsAsync(id));

    /// <summary>A region's operators, auditors and staff below it see its list, and so do those above it, who manage or audit it.</summary>
    private static bool Visible(Caller caller, AccessTarget callerPlace, IReadOnlyList<string> regionPath) =>
        regionPath.Contains(caller.ScopeId) || (regionPath.Count > 0 && callerPlace.CenterPath.Contains(regionPath[0]));

    private static string Details(ProviderProfile p) =>
        $"licence={p.LicenceNumber}; services={string.Join(',', p.Services.Select(EnumNames.Of))}; valid={p.ValidFrom:yyyy-MM-dd}..{p.ValidUntil:yyyy-MM-dd}; suspended={p.Suspended}";
}
