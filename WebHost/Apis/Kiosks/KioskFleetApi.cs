using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.WebHost.Apis.Kiosks;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// What center staff and operators do with their kiosks: register (rotate) or revoke a device key, and watch health
/// and ingest. Under <c>/api/v1/kiosks/{id}</c>, with staff tokens.
/// </summary>
public static class KioskFleetApi
{
    public static RouteGroupBuilder MapKioskFleetApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/kiosks/{id}").WithTags("Kiosks").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        group.MapPost("/keys", RegisterKeyAsync)
            .WithSummary("Register a new device key for the kiosk; the key is shown once, and any earlier key stops working.")
            .Produces<KioskKeyResponse>(201).ProducesProblem(403).ProducesProblem(404);
        group.MapDelete("/keys", RevokeKeyAsync).WithSummary("Revoke the kiosk's device key: it can no longer post.")
            .Produces(204).ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/health", GetHealthAsync).WithSummary("Heartbeat state, peripherals, recent faults, uptime per day and any open outage alert.")
            .Produces<KioskHealth>().ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/ingest", GetIngestAsync).WithSummary("How many events the kiosk sent: accepted, rejected, duplicates.")
            .Produces<KioskIngestStats>().ProducesProblem(403).ProducesProblem(404);
        return group;
    }

    private static async Task<IResult> RegisterKeyAsync(string id, HttpContext http, ScopeResolver scopes, IGrainFactory grains, TimeProvider clock, AuditTrail audit)
    {
        var target = await ResolveAsync(id, scopes, grains);
        if (ApiResults.CheckWrite(http, target, $"Kiosk '{id}'") is { } refusal)
        {
            return refusal;
        }

        var kiosk = grains.GetGrain<IKioskGrain>(id);
        var rotation = await kiosk.HasKeyAsync();
        var key = KioskAuthentication.NewKey();
        return await ApiResults.FromAsync(await kiosk.SetKeyHashAsync(KioskAuthentication.Hash(key)), async () =>
        {
            // The key itself never reaches the log: it is shown once, to the caller.
            await audit.RecordAsync(http, rotation ? AuditActions.KioskKeyRotated : AuditActions.KioskKeyIssued, $"kiosk:{id}", target);
            return TypedResults.Created(
                $"/api/v1/kiosks/{id}/keys",
                new KioskKeyResponse(id, key, $"{KioskAuthentication.SchemeName} {id}.{key}", clock.GetUtcNow()));
        });
    }

    private static async Task<IResult> RevokeKeyAsync(string id, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var target = await ResolveAsync(id, scopes, grains);
        if (ApiResults.CheckWrite(http, target, $"Kiosk '{id}'") is { } refusal)
        {
            return refusal;
        }

        return await ApiResults.FromAsync(await grains.GetGrain<IKioskGrain>(id).SetKeyHashAsync(null), async () =>
        {
            await audit.RecordAsync(http, AuditActions.KioskKeyRevoked, $"kiosk:{id}", target);
            return TypedResults.NoContent();
        });
    }

    private static async Task<IResult> GetHealthAsync(string id, HttpContext http, ScopeResolver scopes, IGrainFactory grains) =>
        ApiResults.CheckRead(http, await ResolveAsync(id, scopes, grains), $"Kiosk '{id}'") is { } refusal
            ? refusal
            : TypedResults.Ok(await grains.GetGrain<IKioskHealthGrain>(id).GetAsync());

    private static async Task<IResult> GetIngestAsync(string id, HttpContext http, ScopeResolver scopes, IGrainFactory grains) =>
        ApiResults.CheckRead(http, await ResolveAsync(id, scopes, grains), $"Kiosk '{id}'") is { } refusal
            ? refusal
            : TypedResults.Ok(await grains.GetGrain<IKioskIngestGrain>(id).GetStatsAsync());

    private static async Task<AccessTarget> ResolveAsync(string id, ScopeResolver scopes, IGrainFactory grains) =>
        await grains.GetGrain<IKioskGrain>(id).GetAsync() is { } kiosk
            ? await scopes.ForCenterAsync(kiosk.Profile.CenterId)
            : new AccessTarget([]);
}
