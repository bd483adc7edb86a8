using Lianxin.Activities;
using Lianxin.WebHost.Apis.Activities;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// Activities (活动) a center publishes and people sign up for: <c>/api/v1/centers/{id}/activities</c> (publish, list) and
/// <c>/api/v1/activities/{id}/…</c> (the activity, its sign-ups, check-in, cancellation). Not the center's presence
/// figures, which are <c>/api/v1/centers/{id}/activity</c>.
/// </summary>
public static class ActivitiesApi
{
    public static RouteGroupBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var centers = app.MapGroup("/api/v1/centers/{id}/activities").WithTags("Activities").RequireAuthorization(AuthConfiguration.AnyRoleOrResidentPolicy);
        centers.MapPost("/", ActivityEndpoints.PublishAsync)
            .WithSummary("Publish an activity of the center: title, function, times, room, places, audience, sign-up window, waitlist.")
            .Require(TargetKind.Center, (http, center, what) => ApiResults.Check(
                http, center, what, ActivityAccess.CanOrganise,
                $"Publishing an activity of center '{http.GetRouteValue("id")}' needs an operator or staff token whose scope covers it."));
        centers.MapGet("/", ActivityEndpoints.ListAsync).WithSummary("The center's activities, soonest first.")
            .Require(TargetKind.Center, (http, center, what) => ApiResults.Check(http, center, what, ActivityAccess.CanBrowse, $"{what} is outside your scope."));

        var events = app.MapGroup("/api/v1/activities/{id}").WithTags("Activities").RequireAuthorization(AuthConfiguration.AnyRoleOrResidentPolicy);
        events.MapGet("/", ActivityEndpoints.Get).WithSummary("An activity: details, phase, places confirmed, offered, waitlisted, attended, left.")
            .RequireActivity((c, _, center) => ActivityAccess.CanBrowse(c, center), "its center is outside your scope.");
        events.MapPost("/cancel", ActivityEndpoints.CancelAsync).WithSummary("Cancel the activity; everyone signed up is told the reason.")
            .RequireActivity((c, _, center) => ActivityAccess.CanOrganise(c, center), "cancelling needs an operator or staff token whose scope covers its center.");
        events.MapGet("/sign-ups", SignUpEndpoints.ListAsync).WithSummary("Everyone who signed up, in arrival order, with status (organisers).")
            .RequireActivity((c, _, center) => AccessPolicy.CanRead(c, center), "its center is outside your scope.");
        // Signing up checks its body first: whose place it is decides who may take it (as oneself, with no look-up at all).
        events.MapPost("/sign-ups", SignUpEndpoints.SignUpAsync)
            .WithSummary("Sign up (Idempotency-Key header required): confirmed, waitlisted with position, or full, in arrival order; 409 with the reason when not admitted.");
        events.MapGet("/sign-ups/{personId}", SignUpEndpoints.GetAsync).WithSummary("A person's place: status, waitlist position, offer deadline.")
            .ValidateIds("personId").RequireActivity(ActivityAccess.CanSeePlace, "a place is seen by the person or readers of its center.");
        events.MapPost("/sign-ups/{personId}/cancel", SignUpEndpoints.CancelAsync).WithSummary("Give up a place, waitlist position or offer; a freed place is offered to the next.")
            .ValidateIds("personId").RequireActivity(ActivityAccess.CanActFor, ActsAsThemselves);
        events.MapPost("/sign-ups/{personId}/confirm", SignUpEndpoints.ConfirmAsync).WithSummary("Take the place offered from the waitlist, before the offer expires.")
            .ValidateIds("personId").RequireActivity(ActivityAccess.CanActFor, ActsAsThemselves);
        events.MapPost("/sign-ups/{personId}/check-in", SignUpEndpoints.CheckInAsync).WithSummary("Staff record attendance (from an hour before the start to the end).")
            .ValidateIds("personId").RequireActivity((c, _, center) => ActivityAccess.CanOrganise(c, center), "check-in needs an operator or staff token whose scope covers its center.");
        return events;
    }

    private const string ActsAsThemselves = "a volunteer acts as themselves; others need an operator or staff token whose scope covers its center.";

    /// <summary>The answer to a step on a person's place, or the problem it ran into.</summary>
    internal static Results<Ok<PersonPlace>, StateRefusal> Step(ActivityStepResult result) =>
        ApiResults.KindOf(result.Outcome) is { } kind ? ApiResults.State(kind, result.Detail) : TypedResults.Ok(result.Place!);

    internal static string By(HttpContext http) => Caller.From(http.User)!.Actor;
}
