using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.HelpRequests;
using Lianxin.Listings;
using Lianxin.WebHost.Apis.Lists;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// The registry lists: <c>GET /api/v1/centers</c>, <c>/grids</c>, <c>/volunteers</c>, <c>/kiosks</c>,
/// <c>/help-requests</c> and <c>/emergencies/directory</c>. Each page is one query of the listing index (never a call
/// to every actor), filtered, ordered by a keyset and continued by an opaque cursor; the caller sees what a read of
/// each thing would show them, and people's phones masked as everywhere.
/// </summary>
public static class RegistryListsApi
{
    public static IEndpointRouteBuilder MapRegistryListsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        group.MapGet("/centers/", CentersAsync).WithTags("Centers").WithSummary("Centers in your region, by name; filter by level, region (a center's subtree) and function.")
            .WithExample(ListExamples.Center, "Operators, auditors and staff; `region` narrows to a center's subtree inside your own.");
        group.MapGet("/grids/", GridsAsync).WithTags("Grids").WithSummary("Grids in your region (a grid lead: their grid), by name.")
            .WithExample(ListExamples.Grid, "`region` narrows to the grids of a center's subtree.");
        group.MapGet("/volunteers/", VolunteersAsync).WithTags("Volunteers").WithSummary("People in your region, grid or yourself, by name; filter by skill, party membership, grid.")
            .WithExample(ListExamples.Volunteer, "Phones are masked as on every dashboard.");
        group.MapGet("/kiosks/", KioskListEndpoints.ListAsync).WithTags("Kiosks").WithSummary("Kiosks in your region, by name, with their heartbeat state; filter by health.")
            .WithExample(ListExamples.Kiosk, "`health` is online, degraded, offline or unknown; a filtered page may hold fewer lines than `limit` while more follow.");
        group.MapGet("/help-requests/", HelpRequestsAsync).WithTags("HelpRequests").WithSummary("The help-request queue of your region: by time left (due first); filter by stage and function.")
            .WithExample(ListExamples.HelpRequest, "`sort=due` (default, soonest limit first; those without a running limit last) or `id`.");
        group.MapGet("/emergencies/directory", EmergenciesAsync).WithTags("Emergencies").WithSummary("Every emergency you may follow, newest first, paged from the directory without waking any.")
            .WithExample(ListExamples.Emergency, "Filter by phase, mode and level; `sort=launched` (default, newest first) or `id`.");
        return app;
    }

    private static async Task<Results<Ok<ListPage<CenterListItem>>, ValidationProblem, AccessRefusal>> CentersAsync(
        string? level, string? region, string? function, int? limit, string? sort, string? order, string? cursor, HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        var v = new Validation();
        var p = ListParameters.Read(v, limit, sort, order, cursor, "name");
        List<string> tags = [];
        AddEnumTag<CenterLevel>(v, tags, "level", level);
        AddEnumTag<BasicFunction>(v, tags, "function", function);
        return await PageAsync(v, p, await ListScope.OfCentersAsync(http, scopes, region), ListingKind.Center, tags, grains, ListingJson.Read<CenterListItem>);
    }

    private static async Task<Results<Ok<ListPage<GridListItem>>, ValidationProblem, AccessRefusal>> GridsAsync(
        string? region, int? limit, string? sort, string? order, string? cursor, HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        var v = new Validation();
        var p = ListParameters.Read(v, limit, sort, order, cursor, "name");
        return await PageAsync(v, p, await ListScope.OfGridsAsync(http, scopes, region), ListingKind.Grid, [], grains, ListingJson.Read<GridListItem>);
    }

    private static async Task<Results<Ok<ListPage<VolunteerListItem>>, ValidationProblem, AccessRefusal>> VolunteersAsync(
        string? skill, bool? partyMember, string? grid, string? region, int? limit, string? sort, string? order, string? cursor,
        HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        var v = new Validation();
        var p = ListParameters.Read(v, limit, sort, order, cursor, "name");
        List<string> tags = [];
        if (skill is not null)
        {
            tags.Add(ListingTags.Of("skill", v.Text("skill", skill, 64)));
        }

        if (partyMember is { } member)
        {
            tags.Add(ListingTags.Of("party", member));
        }

        var caller = Caller.From(http.User)!;
        return await PageAsync(v, p, await ListScope.OfPeopleAsync(http, scopes, region, grid), ListingKind.Volunteer, tags, grains, json =>
        {
            var person = ListingJson.Read<VolunteerListItem>(json);
            return PersonalDataViews.SeesPhone(caller, person.Id, person.HomeGridId) ? person : person with { Phone = PersonalData.MaskPhone(person.Phone) };
        });
    }

    private static async Task<Results<Ok<ListPage<HelpRequestQueueLine>>, ValidationProblem, AccessRefusal>> HelpRequestsAsync(
        string? stage, string? function, string? region, int? limit, string? sort, string? order, string? cursor,
        HttpContext http, ScopeResolver scopes, IGrainFactory grains, TimeProvider clock)
    {
        var v = new Validation();
        var p = ListParameters.Read(v, limit, sort, order, cursor, "due");
        List<string> tags = [];
        AddEnumTag<HelpRequestState>(v, tags, "stage", stage);
        AddEnumTag<BasicFunction>(v, tags, "function", function);
        var now = clock.GetUtcNow();
        return await PageAsync(v, p, await ListScope.OfCentersAsync(http, scopes, region), ListingKind.HelpRequest, tags, grains, json =>
        {
            var r = ListingJson.Read<HelpRequestListItem>(json);
            return new HelpRequestQueueLine(r.Id, r.CenterId, r.Function, r.Stage, r.OwnerName, r.DueAt, r.EscalatedTo, r.EscalationLevel,
                r.DueAt is { } due ? (long)Math.Floor((due - now).TotalSeconds) : null);
        });
    }

    private static async Task<Results<Ok<ListPage<EmergencyEntry>>, ValidationProblem, AccessRefusal>> EmergenciesAsync(
        string? phase, string? mode, string? level, int? limit, string? sort, string? order, string? cursor, HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        var v = new Validation();
        var p = ListParameters.Read(v, limit, sort, order, cursor, "launched", descendingByDefault: true);
        List<string> tags = [];
        AddEnumTag<EmergencyPhase>(v, tags, "phase", phase);
        AddEnumTag<EmergencyMode>(v, tags, "mode", mode);
        AddEnumTag<EmergencyLevel>(v, tags, "level", level);
        return await PageAsync(v, p, await ListScope.OfEmergenciesAsync(http, scopes), ListingKind.Emergency, tags, grains, ListingJson.Read<EmergencyEntry>);
    }

    internal static void AddEnumTag<TEnum>(Validation v, List<string> tags, string name, string? value)
        where TEnum : struct, Enum
    {
        if (value is not null)
        {
            tags.Add(ListingTags.Of(name, v.Enum<TEnum>(name, value)));
        }
    }

    internal static async Task<Results<Ok<ListPage<T>>, ValidationProblem, AccessRefusal>> PageAsync<T>(
        Validation v, ListParameters p, (ListScope? Scope, AccessRefusal? Refusal) scoped, ListingKind kind, IReadOnlyList<string> tags, IGrainFactory grains, Func<string, T> show)
    {
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        if (scoped.Refusal is { } refusal)
        {
            return refusal;
        }

        var page = await grains.GetGrain<IListingGrain>(0).QueryAsync(p.Query(kind, scoped.Scope!, tags));
        return TypedResults.Ok(new ListPage<T>([.. page.Entries.Select(e => show(e.Item))], p.Next(page)));
    }
}
