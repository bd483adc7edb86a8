using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.HelpRequests;
using Lianxin.Hosting;
using Lianxin.Volunteers;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// Where orders are seen: a center's queue of unfinished requests and orders by stage and time left
/// (<c>/api/v1/centers/{id}/orders</c>), and a person's own claims and the open orders near them they may claim
/// (<c>/api/v1/volunteers/{id}/orders</c>). Neither names the resident.
/// </summary>
public static class OrdersApi
{
    private const int MaxLimit = 100;
    private const int SubtreeReadLimit = 200;

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/centers/{id}/orders", GetQueueAsync).WithTags("Help requests").RequireAuthorization(AuthConfiguration.AnyRolePolicy)
            .WithSummary("A center's unfinished requests and orders, soonest due first; ?stage=open|ordered|assigned|inProgress|resolved, ?after=<next>, ?limit=1-100, ?subtree=true for every center below it too.")
            .RequireRead(TargetKind.Center);
        app.MapGet("/api/v1/volunteers/{id}/orders", GetPersonOrdersAsync).WithTags("Help requests").RequireAuthorization(AuthConfiguration.AnyRolePolicy)
            .WithSummary("A person's claimed orders, and the open orders near them (their grid's center and above) they may claim.")
            .RequireRead(TargetKind.Volunteer);
        return app;
    }

    private static async Task<Results<Ok<OrderQueuePage>, ValidationProblem>> GetQueueAsync(
        string id, string? stage, string? after, int? limit, bool? subtree, IGrainFactory grains)
    {
        var v = new Validation();
        HelpRequestState? wanted = stage is null ? null : v.Enum<HelpRequestState>("stage", stage);
        if (after is not null && !OrderQueue.IsCursor(after))
        {
            v.Add("after", "Must be the 'next' of a previous page.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            v.Add("limit", $"Must be 1 to {MaxLimit}.");
        }

        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        if (subtree != true)
        {
            return TypedResults.Ok(await grains.GetGrain<IOrderQueueGrain>(id).GetPageAsync(wanted, after, limit ?? 20));
        }

        // A region's queue: each center's (a district has tens of centers, each queue a few hundred items at most), merged
        // in the same order, so a cursor of the merged queue continues it.
        var centers = await CenterSubtree.GetAsync(grains, id);
        var pages = await Task.WhenAll(centers.Select(c => grains.GetGrain<IOrderQueueGrain>(c.Id).GetPageAsync(wanted, null, SubtreeReadLimit)));
        return TypedResults.Ok(OrderQueue.Page(pages.SelectMany(p => p.Items), null, after, limit ?? 20));
    }

    private static async Task<Ok<PersonOrders>> GetPersonOrdersAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var target = http.Target();
        var person = (await grains.GetGrain<IVolunteerGrain>(id).GetAsync())!.Profile;
        var pages = await Task.WhenAll(target.CenterPath.Select(c => grains.GetGrain<IOrderQueueGrain>(c).GetPageAsync(null, null, 200)));
        var items = pages.SelectMany(p => p.Items).Where(i => i.IsOrder).ToList();
        var mine = items.Where(i => i.ClaimedBy.Contains(id)).ToList();
        var teamIds = items.Select(i => i.TeamId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var teams = await Task.WhenAll(teamIds.Select(t => grains.GetGrain<IVolunteerTeamGrain>(t).GetAsync()));
        var myTeams = teams.OfType<VolunteerTeam>().Where(t => t.Includes(id)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var open = items.Where(i => i.Stage == HelpRequestState.Ordered && !i.ClaimedBy.Contains(id) && MayClaim(person, i, myTeams)).ToList();
        return TypedResults.Ok(new PersonOrders(mine, open));
    }

    /// <summary>What a claim would check, so the page lists only orders the person may take.</summary>
    private static bool MayClaim(VolunteerProfile person, OrderQueueItem order, IReadOnlySet<string> myTeams) =>
        (order.TeamId is null || myTeams.Contains(order.TeamId))
        && (order.Function != BasicFunction.PartyBuilding || person.IsPartyMember)
        && order.Skills.All(s => person.Skills.Contains(s, StringComparer.OrdinalIgnoreCase));
}

/// <summary>A person's orders: those they claimed and that are not finished, and the open ones near them they may claim, soonest due first.</summary>
public sealed record PersonOrders(IReadOnlyList<OrderQueueItem> Mine, IReadOnlyList<OrderQueueItem> Open);
