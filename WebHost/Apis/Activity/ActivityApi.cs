using Lianxin.Activity;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>A center's activity from its kiosks, and staff corrections of check-outs: <c>/api/v1/centers/{id}/…</c>.</summary>
public static class ActivityApi
{
    public static RouteGroupBuilder MapActivityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/centers/{id}").WithTags("Center activity").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        group.MapGet("/activity", GetAsync)
            .WithSummary("Who is inside now, today's check-ins by purpose and role, kiosk health, open help requests, hours awaiting decision, alerts.")
            .RequireRead(TargetKind.Center);
        group.MapPost("/visits/{visitId:guid}/check-out", CorrectAsync)
            .WithSummary("Set a visit's check-out time with a reason (for example to correct an automatic check-out).")
            .RequireWrite(TargetKind.Center);
        return group;
    }

    private static async Task<Ok<CenterActivity>> GetAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(PersonalDataViews.Masked(await grains.GetGrain<ICenterActivityGrain>(id).GetAsync()));

    private static async Task<Results<NoContent, ValidationProblem, StateRefusal>> CorrectAsync(
        string id, Guid visitId, CheckOutCorrection request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var reason = v.Text("reason", request.Reason, 500);
        var at = v.Required("checkedOutAt", request.CheckedOutAt);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var by = Caller.From(http.User)!.Actor;
        var result = await grains.GetGrain<ICenterActivityGrain>(id).CorrectCheckOutAsync(visitId, at, reason, by);
        if (ApiResults.Refusal(result) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, AuditActions.CheckOutCorrected, $"visit:{visitId}", http.Target(), reason, $"center={id}; checkedOutAt={at:O}");
        return TypedResults.NoContent();
    }
}

/// <summary>A staff correction of a visit's check-out.</summary>
public sealed record CheckOutCorrection(DateTimeOffset? CheckedOutAt, string? Reason);
