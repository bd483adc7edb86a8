using Lianxin.Common;
using Lianxin.Kiosks;
using Lianxin.WebHost.Apis.Kiosks;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

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
            .RequireWrite(TargetKind.Kiosk);
        group.MapDelete("/keys", RevokeKeyAsync).WithSummary("Revoke the kiosk's device key: it can no longer post.").RequireWrite(TargetKind.Kiosk);
        group.MapGet("/health", GetHealthAsync).WithSummary("Heartbeat state, peripherals, recent faults, uptime per day and any open outage alert.")
            .RequireRead(TargetKind.Kiosk);
        group.MapGet("/ingest", GetIngestAsync).WithSummary("How many events the kiosk sent: accepted, rejected, duplicates.")
            .RequireRead(TargetKind.Kiosk);
        return group;
    }

    private static async Task<Results<Created<KioskKeyResponse>, NotFoundProblem>> RegisterKeyAsync(
        string id, HttpContext http, IGrainFactory grains, TimeProvider clock, AuditTrail audit)
    {
        var kiosk = grains.GetGrain<IKioskGrain>(id);
        var rotation = await kiosk.HasKeyAsync();
        var key = KioskAuthentication.NewKey();
        if (ApiResults.Missing(await kiosk.SetKeyHashAsync(KioskAuthentication.Hash(key))) is { } failed)
        {
            return failed;
        }

        // The key itself never reaches the log: it is shown once, to the caller.
        await audit.RecordAsync(http, rotation ? AuditActions.KioskKeyRotated : AuditActions.KioskKeyIssued, $"kiosk:{id}", http.Target());
        return TypedResults.Created(
            $"/api/v1/kiosks/{id}/keys",
            new KioskKeyResponse(id, key, $"{KioskAuthentication.SchemeName} {id}.{key}", clock.GetUtcNow()));
    }

    private static async Task<Results<NoContent, NotFoundProblem>> RevokeKeyAsync(string id, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        if (ApiResults.Missing(await grains.GetGrain<IKioskGrain>(id).SetKeyHashAsync(null)) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, AuditActions.KioskKeyRevoked, $"kiosk:{id}", http.Target());
        return TypedResults.NoContent();
    }

    private static async Task<Ok<KioskHealth>> GetHealthAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IKioskHealthGrain>(id).GetAsync());

    private static async Task<Ok<KioskIngestStats>> GetIngestAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IKioskIngestGrain>(id).GetStatsAsync());
}
