using Lianxin.Hosting;
using Lianxin.Volunteers;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// What a center hosts (<c>/api/v1/centers/{id}/positions</c>, <c>/api/v1/centers/{id}/teams</c>,
/// <c>/api/v1/teams/{id}</c>): the mass organisations' positions with their own hours, functions and contact, and the
/// party-led volunteer teams with a leader and members, which orders can name as their audience. Read like the center,
/// written by its operators and staff, audited.
/// </summary>
public static class HostingApi
{
    private const int MaxPositions = 50;
    private const int MaxMembers = 500;

    public static IEndpointRouteBuilder MapHostingApi(this IEndpointRouteBuilder app)
    {
        var centers = app.MapGroup("/api/v1/centers").WithTags("Centers").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        centers.MapGet("/{id}/positions", GetPositionsAsync).WithSummary("The positions a center hosts: youth home, women's home, workers' home, outdoor workers' station, civic-practice station.")
            .RequireRead(TargetKind.Center);
        centers.MapPut("/{id}/positions", PutPositionsAsync).WithSummary("Replace the positions a center hosts.").RequireWrite(TargetKind.Center);
        centers.MapGet("/{id}/teams", GetTeamsAsync).WithSummary("A center's volunteer teams (党建+志愿服务队) with leader and members.")
            .RequireRead(TargetKind.Center);
        var teams = app.MapGroup("/api/v1/teams").WithTags("Centers").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        teams.MapGet("/{id}", GetTeam).WithSummary("A volunteer team; read like its center, and by its leader and members.")
            .Require(MayReadTeamAsync);
        teams.MapPut("/{id}", PutTeamAsync).WithSummary("Create or replace a volunteer team of a center (a team never moves to another center).");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<HostedPosition>>> GetPositionsAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICenterHostingGrain>(id).GetPositionsAsync());

    private static async Task<Results<Ok<IReadOnlyList<HostedPosition>>, ValidationProblem>> PutPositionsAsync(
        string id, PositionsRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var given = request.Positions ?? [];
        if (request.Positions is null)
        {
            v.Add("positions", "Is required (an empty list removes every position).");
        }
        else if (given.Count > MaxPositions)
        {
            v.Add("positions", $"At most {MaxPositions}.");
        }

        var positions = given.Count > MaxPositions ? [] : given.Select((p, i) => (p ?? new PositionRequest(null, null, null, null, null, null, null)).Read(v, $"positions[{i}]")).ToList();
        if (positions.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            v.Add("positions", $"Position id '{twice.Key}' is given twice.");
        }

        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var hosting = grains.GetGrain<ICenterHostingGrain>(id);
        await hosting.SetPositionsAsync(positions);
        await audit.RecordAsync(http, AuditActions.PositionsReplaced, $"center:{id}", http.Target(), details: $"{positions.Count} positions");
        return TypedResults.Ok(await hosting.GetPositionsAsync());
    }

    private static async Task<Ok<VolunteerTeam[]>> GetTeamsAsync(string id, IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICenterHostingGrain>(id).GetTeamIdsAsync();
        var teams = await Task.WhenAll(ids.Select(t => grains.GetGrain<IVolunteerTeamGrain>(t).GetAsync()));
        return TypedResults.Ok(teams.OfType<VolunteerTeam>().ToArray());
    }

    /// <summary>A team is read by its leader and members, and by whoever may read its center. Leaves the team to the handler.</summary>
    private static async Task<AccessRefusal?> MayReadTeamAsync(HttpContext http, string id)
    {
        if (await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IVolunteerTeamGrain>(id).GetAsync() is not { } team)
        {
            return ApiResults.NotFound($"Team '{id}' does not exist.");
        }

        var member = Caller.From(http.User) is { Role: Role.Volunteer } caller && team.Includes(caller.ScopeId);
        if (!member && ApiResults.CheckRead(http, await http.RequestServices.GetRequiredService<ScopeResolver>().ForCenterAsync(team.CenterId), $"Team '{id}'") is { } refusal)
        {
            return refusal;
        }

        http.Items[typeof(VolunteerTeam)] = team;
        return null;
    }

    private static Ok<VolunteerTeam> GetTeam(HttpContext http) => TypedResults.Ok((VolunteerTeam)http.Items[typeof(VolunteerTeam)]!);

    private static async Task<Results<Created<VolunteerTeam>, Ok<VolunteerTeam>, ValidationProblem, AccessRefusal, ConflictProblem>> PutTeamAsync(
        string id, TeamRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var teamId = v.Id("id", id);
        var centerId = v.Id("centerId", request.CenterId);
        var name = v.Text("name", request.Name, 100);
        var leaderId = v.Id("leaderId", request.LeaderId);
        var given = request.MemberIds ?? [];
        if (given.Count > MaxMembers)
        {
            v.Add("memberIds", $"At most {MaxMembers}.");
        }

        var members = given.Count > MaxMembers ? [] : given.Select((m, i) => v.Id($"memberIds[{i}]", m)).Where(m => m != leaderId).Distinct(StringComparer.Ordinal).ToList();
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }

        var target = await scopes.ForCenterAsync(centerId);
        if (ApiResults.CheckWrite(http, target, $"Center '{centerId}'") is { } refusal)
        {
            return refusal;
        }

        var people = await Task.WhenAll(members.Prepend(leaderId).Select(p => grains.GetGrain<IVolunteerGrain>(p).GetAsync()));
        var unknown = members.Prepend(leaderId).Where((p, i) => people[i] is null).ToList();
        if (unknown.Count > 0)
        {
            v.Add(unknown[0] == leaderId ? "leaderId" : "memberIds", $"Not registered volunteers: {string.Join(", ", unknown.Take(10))}.");
            return TypedResults.ValidationProblem(v.Errors);
        }

        var result = await grains.GetGrain<IVolunteerTeamGrain>(teamId).SaveAsync(new VolunteerTeam(teamId, centerId, name, leaderId, members));
        if (!result.Succeeded)
        {
            return ApiResults.Conflict(result.Detail);
        }

        await audit.RecordAsync(http, AuditActions.TeamSaved, $"team:{teamId}", target, details: $"leader {leaderId}, {members.Count} members");
        var saved = (await grains.GetGrain<IVolunteerTeamGrain>(teamId).GetAsync())!;
        return result.Outcome == Common.RegistryOutcome.Created ? TypedResults.Created($"/api/v1/teams/{teamId}", saved) : TypedResults.Ok(saved);
    }
}
