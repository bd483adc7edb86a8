using Lianxin.EventFeed;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.EventFeed;

/// <summary>
/// Push subscriptions: made, resumed and deleted by operators of the region they serve (audited), read by its operators
/// and auditors. The secret is given once, when the subscription is made.
/// </summary>
internal static class SubscriptionEndpoints
{
    public static async Task<Results<Created<CreatedSubscription>, ValidationProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> CreateAsync(
        CreateSubscriptionRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit, TimeProvider clock,
        IConfiguration configuration, IHostEnvironment environment)
    {
        var caller = Caller.From(http.User);
        if (caller is not { Role: Role.Operator })
        {
            return ApiResults.Forbidden("Subscriptions are managed by operators of the region they serve.");
        }

        var v = new Validation();
        var id = request.Id is null ? $"sub-{Guid.NewGuid():N}"[..20] : v.Id("id", request.Id);
        var url = v.Text("url", request.Url, EndpointRules.MaxUrlLength);
        if (v.IsValid && EndpointRules.UrlRefusal(url, EventFeedOptions.AllowsPrivate(configuration, environment.IsDevelopment())) is { } refusal)
        {
            v.Add("url", refusal);
        }

        var regionId = request.RegionId is null ? caller.ScopeId : v.Id("regionId", request.RegionId);
        if (request.StartAfter is < 0)
        {
            v.Add("startAfter", "Must be a cursor: 0 or more.");
        }

        var mode = request.Delivery is null ? DeliveryMode.Single : v.Enum<DeliveryMode>("delivery", request.Delivery);
        if (request.BatchSize is not null && (mode != DeliveryMode.Batch || request.BatchSize is < 1 or > EventFeedOptions.MaxBatchSize))
        {
            v.Add("batchSize", $"Only with delivery 'batch', and between 1 and {EventFeedOptions.MaxBatchSize}.");
        }

        var batchSize = mode == DeliveryMode.Single ? 1
            : request.BatchSize ?? Math.Clamp(configuration.GetSection(EventFeedOptions.Section).GetValue(nameof(EventFeedOptions.BatchSize), new EventFeedOptions().BatchSize), 1, EventFeedOptions.MaxBatchSize);

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

        var startAfter = request.StartAfter ?? await grains.GetGrain<IEventFeedGrain>(0).EndAsync();
        var secret = EventSignature.NewSecret();
        var definition = new EventSubscriptionDefinition(id, url, regionId, caller.Actor, clock.GetUtcNow(), startAfter, mode, batchSize);
        var grain = grains.GetGrain<IEventSubscriptionGrain>(id);
        if (!await grain.CreateAsync(definition, secret))
        {
            return ApiResults.Conflict($"Subscription '{id}' exists already.");
        }

        await audit.RecordAsync(http, AuditActions.EventSubscriptionCreated, $"eventSubscription:{id}", region, details: $"url={url}; region={regionId}; startAfter={startAfter}; delivery={EnumNames.Of(mode)}; batchSize={batchSize}");
        return TypedResults.Created($"/api/v1/event-subscriptions/{id}", new CreatedSubscription((await grain.GetAsync())!, secret));
    }

    public static async Task<Results<Ok<IReadOnlyList<SubscriptionView>>, ForbiddenProblem>> ListAsync(HttpContext http, IGrainFactory grains)
    {
        if (Caller.From(http.User) is not { Role: Role.Operator or Role.Auditor } caller)
        {
            return ApiResults.Forbidden("Subscriptions are read by operators and auditors of the region they serve.");
        }

        var entries = (await grains.GetGrain<IEventSubscriptionDirectoryGrain>(0).ListAsync()).Where(e => e.RegionPath.Contains(caller.ScopeId));
        var views = await Task.WhenAll(entries.Select(e => grains.GetGrain<IEventSubscriptionGrain>(e.Id).GetAsync()));
        return TypedResults.Ok<IReadOnlyList<SubscriptionView>>([.. views.OfType<SubscriptionView>()]);
    }

    /// <summary>Runs the handler only for an operator or auditor of the subscription's region.</summary>
    public static RouteHandlerBuilder RequireSubscriptionRead(this RouteHandlerBuilder endpoint) =>
        endpoint.Require((http, id) => CheckAsync(http, id, role => role is Role.Operator or Role.Auditor,
            $"Subscription '{id}' serves a region outside your scope, or needs an operator or auditor token."));

    /// <summary>Runs the handler only for an operator of the subscription's region.</summary>
    public static RouteHandlerBuilder RequireSubscriptionManage(this RouteHandlerBuilder endpoint) =>
        endpoint.Require((http, id) => CheckAsync(http, id, role => role is Role.Operator, $"Subscription '{id}' is managed by operators of its region."));

    public static Ok<SubscriptionView> Get(HttpContext http) => TypedResults.Ok(Subscription(http));

    public static Ok<IReadOnlyList<DeadLetter>> DeadLetters(HttpContext http) => TypedResults.Ok(Subscription(http).DeadLetters);

    public static async Task<Results<Ok<SubscriptionView>, ConflictProblem>> ResumeAsync(string id, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var view = Subscription(http);
        var grain = grains.GetGrain<IEventSubscriptionGrain>(id);
        if (!await grain.ResumeAsync())
        {
            return ApiResults.Conflict($"Subscription '{id}' is {EnumNames.Of(view.Phase)}, not suspended.");
        }

        var dead = view.DeadLetters.LastOrDefault();
        await audit.RecordAsync(http, AuditActions.EventSubscriptionResumed, $"eventSubscription:{id}", http.Target(), details: dead is null ? null : $"deadLetter={dead.EventId}");
        return TypedResults.Ok((await grain.GetAsync())!);
    }

    public static async Task<NoContent> DeleteAsync(string id, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var view = Subscription(http);
        if (await grains.GetGrain<IEventSubscriptionGrain>(id).DeleteAsync())
        {
            await audit.RecordAsync(http, AuditActions.EventSubscriptionDeleted, $"eventSubscription:{id}", http.Target(), details: $"url={view.Definition.Url}; cursor={view.Cursor}");
        }

        return TypedResults.NoContent();
    }

    /// <summary>The subscription the access filter of the request read and let through.</summary>
    private static SubscriptionView Subscription(HttpContext http) => (SubscriptionView)http.Items[typeof(SubscriptionView)]!;

    /// <summary>
    /// Null when the subscription exists and the caller acts in its region in a role it admits; otherwise 404 or 403. Leaves
    /// the subscription and its region to the handler.
    /// </summary>
    private static async Task<AccessRefusal?> CheckAsync(HttpContext http, string id, Func<Role, bool> mayAct, string forbidden)
    {
        var view = await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IEventSubscriptionGrain>(id).GetAsync();
        if (view is null)
        {
            return ApiResults.NotFound($"Subscription '{id}' does not exist.");
        }

        var region = await http.RequestServices.GetRequiredService<ScopeResolver>().ForCenterAsync(view.Definition.RegionId);
        if (Caller.From(http.User) is not { } caller || !mayAct(caller.Role) || !region.CenterPath.Contains(caller.ScopeId))
        {
            return ApiResults.Forbidden(forbidden);
        }

        http.Items[typeof(SubscriptionView)] = view;
        http.Items[typeof(AccessTarget)] = region;
        return null;
    }
}
