using Lianxin.EventFeed;
using Lianxin.WebHost.Apis.EventFeed;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// The outbound event feed for the county's "141" governance platform (docs/event-feed.md): pulled by cursor at
/// <c>/api/v1/events</c>, pushed to the subscriptions operators manage at <c>/api/v1/event-subscriptions</c>. Both see
/// only the caller's region.
/// </summary>
public static class EventFeedApi
{
    public const int MaxPage = 1000;

    public static RouteGroupBuilder MapEventFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/events").WithTags("Event feed").RequireAuthorization(AuthConfiguration.AnyRolePolicy)
            .MapGet("/", PullAsync)
            .WithSummary("The region's events as CloudEvents 1.0, in cursor order after 'after' (default 0), 'limit' per page (default 100, at most 1000).");

        var subscriptions = app.MapGroup("/api/v1/event-subscriptions").WithTags("Event feed").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        subscriptions.MapPost("/", SubscriptionEndpoints.CreateAsync)
            .WithSummary("Subscribe an endpoint to a region's events (operators of the region); the answer carries the signing secret, shown once.");
        subscriptions.MapGet("/", SubscriptionEndpoints.ListAsync).WithSummary("The subscriptions of the caller's region: phase, cursor, delivered, failures.");
        subscriptions.MapGet("/{id}", SubscriptionEndpoints.Get).WithSummary("One subscription: phase, durable cursor, delivered, the failure being retried.")
            .RequireSubscriptionRead();
        subscriptions.MapGet("/{id}/dead-letters", SubscriptionEndpoints.DeadLetters)
            .WithSummary("Events that used up their retry budget at this subscriber, newest last, with attempts and the last error.").RequireSubscriptionRead();
        subscriptions.MapPost("/{id}/resume", SubscriptionEndpoints.ResumeAsync)
            .WithSummary("Deliver again after a dead letter suspended the subscription, starting with that event.").RequireSubscriptionManage();
        subscriptions.MapDelete("/{id}", SubscriptionEndpoints.DeleteAsync).WithSummary("Stop delivering to the endpoint, for good.").RequireSubscriptionManage();
        return subscriptions;
    }

    private static async Task<Results<Ok<EventPage>, ValidationProblem, ForbiddenProblem>> PullAsync(HttpContext http, IGrainFactory grains, long? after, int? limit)
    {
        if (Caller.From(http.User) is not { Role: Role.Operator or Role.Auditor or Role.Staff } caller)
        {
            return ApiResults.Forbidden("The event feed is for operators, auditors and staff of a region.");
        }

        var v = new Validation();
        if (after is < 0)
        {
            v.Add("after", "Must be a cursor: 0 or more.");
        }

        if (limit is < 1 or > MaxPage)
        {
            v.Add("limit", $"Must be 1 to {MaxPage}.");
        }

        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var page = await grains.GetGrain<IEventFeedGrain>(0).ReadAsync(caller.ScopeId, after ?? 0, limit ?? 100);
        return TypedResults.Ok(new EventPage([.. page.Records.Select(CloudEvent.From)], page.Next));
    }
}
