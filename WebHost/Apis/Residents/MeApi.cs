using Lianxin.Activities;
using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.HelpRequests;
using Lianxin.Ledger;
using Lianxin.Residents;
using Lianxin.WebHost.Apis.Residents;
using Lianxin.WebHost.Security;
using Lianxin.WebHost.Security.Residents;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// A resident's own things, with a resident token (<c>/api/v1/me…</c>): who they are, their activity sign-ups, their
/// orders (help requests raised for them, from a kiosk, staff or themselves) and their ledger; and stating a need
/// (群众点单). No route here takes a person id: the token's is the only one.
/// </summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Residents").RequireAuthorization(AuthConfiguration.ResidentPolicy);
        group.MapGet("/", (HttpContext http) => TypedResults.Ok(new Me(Self(http).ScopeId, Self(http).RoleName)))
            .WithSummary("The signed-in resident: person id (a pseudonym, never the number) and role.");
        group.MapGet("/sign-ups", GetSignUpsAsync).WithSummary("The activities the resident signed up for, newest first, each with their place.");
        group.MapGet("/orders", GetOrdersAsync).WithSummary("The resident's help requests and orders with their closed loop, newest first.");
        group.MapPost("/orders", OrderAsync).WithSummary(
            "State a need at a center (群众点单): it opens a help request for the resident, which staff turn into an order. "
            + "409 when the resident already has Residents:OpenOrders (5) open needs, 429 past Residents:OrdersPerWindow (10) a day; neither changes anything.");
        group.MapGet("/ledger", async (HttpContext http, IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<IPersonLedgerGrain>(Self(http).ScopeId).GetAsync()))
            .WithSummary("The resident's hours and points ledger, with the balance.");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<MySignUp>>> GetSignUpsAsync(HttpContext http, IGrainFactory grains)
    {
        var me = Self(http).ScopeId;
        var ids = await grains.GetGrain<IPersonSignUpsGrain>(me).ListAsync();
        var rows = await Task.WhenAll(ids.Select(async id =>
        {
            var activity = grains.GetGrain<IServiceActivityGrain>(id);
            return await activity.GetAsync() is { } view
                ? new MySignUp(id, view.Definition.CenterId, view.Definition.Title, view.Definition.StartsAt, view.Definition.EndsAt, view.Phase, await activity.GetPlaceAsync(me))
                : null;
        }));
        return TypedResults.Ok<IReadOnlyList<MySignUp>>([.. rows.OfType<MySignUp>()]);
    }

    private static async Task<Ok<IReadOnlyList<LoopTicket>>> GetOrdersAsync(HttpContext http, IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IPersonHelpRequestsGrain>(Self(http).ScopeId).ListAsync();
        var loops = await Task.WhenAll(ids.Select(id => grains.GetGrain<IHelpRequestGrain>(id).GetLoopAsync()));
        return TypedResults.Ok<IReadOnlyList<LoopTicket>>([.. loops.OfType<LoopTicket>()]);
    }

    private static async Task<Results<Created<LoopTicket>, ValidationProblem, NotFoundProblem, ConflictProblem, TooManyRequestsProblem>> OrderAsync(
        ResidentOrderRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit, TimeProvider clock,
        ResidentSignInLimits limits, IOptions<ResidentOptions> options)
    {
        var v = new Validation();
        var centerId = v.Id("centerId", request.CenterId);
        var function = v.Enum<BasicFunction>("function", request.Function);
        var description = v.Text("description", request.Description, 500);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var target = await scopes.ForCenterAsync(centerId);
        if (target.CenterPath.Count == 0)
        {
            return ApiResults.NotFound($"Center '{centerId}' does not exist.");
        }

        var me = Self(http);
        var id = $"hr-{Guid.NewGuid():N}";
        var needs = grains.GetGrain<IPersonHelpRequestsGrain>(me.ScopeId);
        var maxOpen = options.Value.OpenOrders;
        // Open needs first (counting them uses no permit), then the window's count, then the open needs again in the
        // person's actor, which admits the need in the same turn: two needs stated at once cannot both pass the limit.
        if (await needs.CountOpenAsync() >= maxOpen)
        {
            return TooManyOpen(maxOpen);
        }

        if (!await limits.MayOrderAsync(me.ScopeId, http.RequestAborted))
        {
            var wait = limits.UntilNextOrderWindow(clock.GetUtcNow());
            http.Response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new TooManyRequestsProblem(
                $"You have stated {options.Value.OrdersPerWindow} needs today, the most a resident may; state more after the day's count starts again "
                + $"(in {wait:hh\\:mm}), or ask the center's staff.", title: "Too many needs today");
        }

        if (!await needs.AdmitAsync(id, maxOpen))
        {
            return TooManyOpen(maxOpen);
        }

        var grain = grains.GetGrain<IHelpRequestGrain>(id);
        await grain.OpenAsync(new HelpRequestTicket(id, centerId, function, description, me.ScopeId, null, null, clock.GetUtcNow(), HelpRequestState.Open, null, me.Actor));
        await audit.RecordAsync(http, AuditActions.ResidentOrdered, $"helpRequest:{id}", target, details: EnumNames.Of(function));
        return TypedResults.Created($"/api/v1/help-requests/{id}", (await grain.GetLoopAsync())!);
    }

    private static ConflictProblem TooManyOpen(int maxOpen) => ApiResults.Conflict(
        $"You have {maxOpen} open needs, the most a resident may have at once; state another when one is resolved or turned down.",
        new Dictionary<string, object?> { ["openLimit"] = maxOpen });

    private static Caller Self(HttpContext http) => Caller.From(http.User)!;
}
