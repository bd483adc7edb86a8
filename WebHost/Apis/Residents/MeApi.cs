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
/// (群众点单). No route here takes a person id: the token's are the only ones. A resident whose phone is linked to their
/// ID card sees what was recorded under either (the token's scope id and its aliases) as one; what they do now is recorded
/// under the scope id, the card's.
/// </summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Residents").RequireAuthorization(AuthConfiguration.ResidentPolicy);
        group.MapGet("/", (HttpContext http) => TypedResults.Ok(ToMe(Self(http))))
            .WithSummary("The signed-in resident: person id (a pseudonym, never the number), role, how they signed in (idCard or phoneCode), "
                + "the person ids linked to theirs (aliases: pseudonyms) and whether a phone is linked to their ID card (no number is kept, so none is shown).");
        group.MapGet("/sign-ups", GetSignUpsAsync).WithSummary(
            "The activities the resident signed up for, under their person id and its aliases, newest first by when they signed up, each with their place.");
        group.MapGet("/orders", GetOrdersAsync).WithSummary(
            "The resident's help requests and orders with their closed loop, under their person id and its aliases, newest first.");
        group.MapPost("/orders", OrderAsync).WithSummary(
            "State a need at a center (群众点单): it opens a help request for the resident, which staff turn into an order. "
            + "409 when the resident already has Residents:OpenOrders (5) open needs (under their person id and its aliases together), "
            + "429 past Residents:OrdersPerWindow (10) a day; neither changes anything.");
        group.MapGet("/ledger", GetLedgerAsync).WithSummary(
            "The resident's hours and points ledger, with the balance: one ledger under their person id, holding the entries of its aliases too "
            + "(in time order) and the balances added. Points are spent from the ledger a kiosk names, the ID card's.");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<MySignUp>>> GetSignUpsAsync(HttpContext http, IGrainFactory grains)
    {
        var lists = await Task.WhenAll(Self(http).PersonIds.Select(async person =>
        {
            var ids = await grains.GetGrain<IPersonSignUpsGrain>(person).ListAsync();
            var rows = await Task.WhenAll(ids.Select(async id =>
            {
                var activity = grains.GetGrain<IServiceActivityGrain>(id);
                return await activity.GetAsync() is { } view
                    ? new MySignUp(id, view.Definition.CenterId, view.Definition.Title, view.Definition.StartsAt, view.Definition.EndsAt, view.Phase, await activity.GetPlaceAsync(person))
                    : null;
            }));
            return (IReadOnlyList<MySignUp>)[.. rows.OfType<MySignUp>()];
        }));
        return TypedResults.Ok(PersonUnion.NewestFirst(lists, s => s.Place?.SignedUpAt));
    }

    private static async Task<Ok<IReadOnlyList<LoopTicket>>> GetOrdersAsync(HttpContext http, IGrainFactory grains)
    {
        var lists = await Task.WhenAll(Self(http).PersonIds.Select(async person =>
        {
            var ids = await grains.GetGrain<IPersonHelpRequestsGrain>(person).ListAsync();
            var loops = await Task.WhenAll(ids.Select(id => grains.GetGrain<IHelpRequestGrain>(id).GetLoopAsync()));
            return (IReadOnlyList<LoopTicket>)[.. loops.OfType<LoopTicket>()];
        }));
        return TypedResults.Ok(PersonUnion.NewestFirst(lists, t => t.RaisedAt));
    }

    private static async Task<Ok<PersonLedger>> GetLedgerAsync(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(PersonUnion.Ledger(await Task.WhenAll(Self(http).PersonIds.Select(person => grains.GetGrain<IPersonLedgerGrain>(person).GetAsync()))));

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
        // Needs recorded under the aliases count too; new ones are only ever admitted under the scope id, so theirs are
        // counted once, outside the turn below.
        var openElsewhere = (await Task.WhenAll(me.Aliases.Select(alias => grains.GetGrain<IPersonHelpRequestsGrain>(alias).CountOpenAsync()))).Sum();
        // Open needs first (counting them uses no permit), then the window's count, then the open needs again in the
        // person's actor, which admits the need in the same turn: two needs stated at once cannot both pass the limit.
        if (openElsewhere + await needs.CountOpenAsync() >= maxOpen)
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

        if (!await needs.AdmitAsync(id, maxOpen - openElsewhere))
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

    private static Me ToMe(Caller me) => new(me.ScopeId, me.RoleName, me.SignedInBy, me.Aliases, me.Aliases.Count > 0);

    private static Caller Self(HttpContext http) => Caller.From(http.User)!;
}
