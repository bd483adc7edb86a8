using Lianxin.Kiosks;
using Lianxin.WebHost.Apis.Lists;
using Lianxin.WebHost.Apis.Registry;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Apis;

/// <summary>The kiosk registry: <c>/api/v1/kiosks</c>.</summary>
public static class KiosksApi
{
    public static RouteGroupBuilder MapKiosksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/kiosks").WithTags("Kiosks").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        group.MapGet("/{id}", GetAsync).WithSummary("A kiosk and the center it belongs to.")
            .Produces<KioskSnapshot>().ProducesProblem(403).ProducesProblem(404);
        group.MapPost("/", CreateAsync).WithSummary("Register a kiosk at a center.")
            .Produces<KioskSnapshot>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        group.MapPut("/{id}", UpdateAsync).WithSummary("Replace a kiosk's facts (it may move to another center).")
            .Produces<KioskSnapshot>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        return group;
    }

    private static async Task<AccessTarget> ResolveAsync(string id, ScopeResolver scopes, IGrainFactory grains) =>
        await grains.GetGrain<IKioskGrain>(id).GetAsync() is { } kiosk
            ? await scopes.ForCenterAsync(kiosk.Profile.CenterId)
            : new AccessTarget([]);

    private static async Task<IResult> GetAsync(string id, HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        if (ApiResults.CheckRead(http, await ResolveAsync(id, scopes, grains), $"Kiosk '{id}'") is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(await grains.GetGrain<IKioskGrain>(id).GetAsync());
    }

    private static async Task<IResult> CreateAsync(KioskRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
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

        var kiosk = grains.GetGrain<IKioskGrain>(id);
        return await ApiResults.FromAsync(
            await KioskListing.CreateAsync(grains, id, profile),
            async () =>
            {
                await audit.RecordAsync(http, "kiosk.created", $"kiosk:{id}", await scopes.ForCenterAsync(profile.CenterId));
                return TypedResults.Created($"/api/v1/kiosks/{id}", await kiosk.GetAsync());
            });
    }

    private static async Task<IResult> UpdateAsync(string id, KioskRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        if (request.Id is not null && request.Id != id)
        {
            v.Add("id", "Must match the id in the path, or be left out.");
        }

        var profile = request.ToProfile(v);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        if (ApiResults.CheckWrite(http, await ResolveAsync(id, scopes, grains), $"Kiosk '{id}'") is { } refusal)
        {
            return refusal;
        }

        if (ApiResults.CheckWrite(http, await scopes.ForCenterAsync(profile.CenterId), $"Center '{profile.CenterId}'") is { } centerRefusal)
        {
            return centerRefusal;
        }

        var kiosk = grains.GetGrain<IKioskGrain>(id);
        return await ApiResults.FromAsync(await KioskListing.UpdateAsync(grains, id, profile), async () =>
        {
            await audit.RecordAsync(http, "kiosk.updated", $"kiosk:{id}", await scopes.ForCenterAsync(profile.CenterId));
            return TypedResults.Ok(await kiosk.GetAsync());
        });
    }
}
