using Lianxin.Activities;
using Lianxin.Common;
using Lianxin.Hosting;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Activities;

/// <summary>Publishing, reading, listing and cancelling activities.</summary>
internal static class ActivityEndpoints
{
    public static async Task<Results<Created<ActivityView>, Ok<ActivityView>, ValidationProblem, ConflictProblem, UnprocessableProblem>> PublishAsync(
        string id, PublishActivityRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var v = new Validation();
        var draft = ActivityDraft.Read(v, request, id, now);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var center = http.Target();
        var caller = Caller.From(http.User)!;

        if (draft.GridId is { } gridId && !(await scopes.ForGridAsync(gridId)).CenterPath.Contains(id))
        {
            v.Add("gridId", $"Grid '{gridId}' is not a grid of center '{id}' or below it.");
            return TypedResults.ValidationProblem(v.Errors);
        }

        if (draft.TeamId is { } teamId && (await grains.GetGrain<IVolunteerTeamGrain>(teamId).GetAsync() is not { } team || !center.CenterPath.Contains(team.CenterId)))
        {
            v.Add("teamId", $"Must be a volunteer team of center '{id}' or a center above it.");
            return TypedResults.ValidationProblem(v.Errors);
        }

        var grain = grains.GetGrain<IServiceActivityGrain>(draft.Id);
        var existing = await grain.GetAsync();
        var existed = existing is not null;
        // A re-sent publish without a sign-up opening means the one the first publish took (its "now").
        var definition = draft with
        {
            PublishedBy = caller.Actor,
            SignUpOpensAt = request.SignUpOpensAt is null && existing is not null ? existing.Definition.SignUpOpensAt : draft.SignUpOpensAt,
        };
        var result = await grain.PublishAsync(definition);
        if (result.Outcome == ActivityStepOutcome.Refused)
        {
            return new UnprocessableProblem(result.Detail, title: "The provider may not run this activity");
        }

        if (result.Outcome != ActivityStepOutcome.Done)
        {
            return ApiResults.Conflict(result.Detail);
        }

        var view = (await grain.GetAsync())!;
        if (existed)
        {
            return TypedResults.Ok(view);
        }

        await audit.RecordAsync(http, ActivityAuditActions.Published, $"activity:{definition.Id}", center, details: $"center={id}; function={EnumNames.Of(definition.Function)}; capacity={definition.Capacity}{(definition.ProviderId is { } p ? $"; provider={p}" : "")}");
        return TypedResults.Created($"/api/v1/activities/{definition.Id}", view);
    }

    public static async Task<Ok<IReadOnlyList<ActivityEntry>>> ListAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IActivityCalendarGrain>(id).ListAsync());

    public static Ok<ActivityView> Get(HttpContext http) => TypedResults.Ok(http.Activity());

    public static async Task<Results<Ok<ActivityView>, ValidationProblem, ConflictProblem>> CancelAsync(
        string id, CancelActivityRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var reason = v.Text("reason", request.Reason, 500);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var view = http.Activity();
        var grain = grains.GetGrain<IServiceActivityGrain>(id);
        var result = await grain.CancelAsync(reason, ActivitiesApi.By(http));
        if (result.Outcome != ActivityStepOutcome.Done)
        {
            return ApiResults.Conflict(result.Detail);
        }

        if (view.Phase != ActivityPhase.Cancelled)
        {
            await audit.RecordAsync(http, ActivityAuditActions.Cancelled, $"activity:{id}", http.Target(), reason, $"center={view.Definition.CenterId}");
        }

        return TypedResults.Ok((await grain.GetAsync())!);
    }
}
