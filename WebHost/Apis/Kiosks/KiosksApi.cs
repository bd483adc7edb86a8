using Lianxin.Kiosks;
using Lianxin.WebHost.Apis.Lists;
using Lianxin.WebHost.Apis.Registry;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>The kiosk registry: <c>/api/v1/kiosks</c>.</summary>
public static class KiosksApi
{
    public static RouteGroupBuilder MapKiosksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/kiosks").WithTags("Kiosks").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        group.MapGet("/{id}", GetAsync).WithSummary("A kiosk and the center it belongs to.").RequireRead(TargetKind.Kiosk);
        // A new kiosk's access follows from its body (its center), so the handler checks it after validating the body.
        group.MapPost("/", CreateAsync).WithSummary("Register a kiosk at a center.");
        group.MapPut("/{id}", UpdateAsync).WithSummary("Replace a kiosk's facts (it may move to another center).")
            .RequireWrite(TargetKind.Kiosk);
        return group;
    }

    private static async Task<Ok<KioskSnapshot>> GetAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IKioskGrain>(id).GetAsync());

    private static async Task<Results<Created<KioskSnapshot>, ValidationProblem, AccessRefusal, StateRefusal>> CreateAsync(
        KioskRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
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

        if (ApiResults.Refusal(await KioskListing.CreateAsync(grains, id, profile)) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, "kiosk.created", $"kiosk:{id}", await scopes.ForCenterAsync(profile.CenterId));
        return TypedResults.Created($"/api/v1/kiosks/{id}", await grains.GetGrain<IKioskGrain>(id).GetAsync());
    }

    private static async Task<Results<Ok<KioskSnapshot>, ValidationProblem, AccessRefusal, NotFoundProblem>> UpdateAsync(
        string id, KioskRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        v.SamePathId(request.Id, id);

        var profile = request.ToProfile(v);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        if (ApiResults.CheckWrite(http, await scopes.ForCenterAsync(profile.CenterId), $"Center '{profile.CenterId}'") is { } refusal)
        {
            return refusal;
        }

        if (ApiResults.Missing(await KioskListing.UpdateAsync(grains, id, profile)) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, "kiosk.updated", $"kiosk:{id}", await scopes.ForCenterAsync(profile.CenterId));
        return TypedResults.Ok(await grains.GetGrain<IKioskGrain>(id).GetAsync());
    }
}
