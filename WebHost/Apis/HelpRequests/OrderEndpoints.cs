using Lianxin.Governance;
using Lianxin.HelpRequests;
using Lianxin.Hosting;
using Lianxin.Volunteers;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.HelpRequests;

/// <summary>
/// Orders over HTTP (群众点单 · 组织派单 · 党员接单): staff of the request's center or above turn it into an order or reject
/// it; a person near the center (their grid hangs below it) claims it as themselves, or staff record the claim for
/// them. Claims are answered in the order the request's actor takes them; the rest of the loop (start, resolve, rate)
/// is the help request's. Every accepted step is audited.
/// </summary>
internal static class OrderEndpoints
{
    private const int MaxSkills = 10;
    private const int MaxPeople = 100;
    private const int MaxTimeLimitMinutes = 30 * 24 * 60;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{id}/order", OrderAsync).WithSummary("Staff turn an open request into an order: skills, people needed, minutes to be claimed.")
            .RequireHelpRequestStep();
        group.MapPost("/{id}/reject", RejectAsync).WithSummary("Staff turn a request down, with the reason, before anyone claimed it.")
            .RequireHelpRequestStep();
        // Claiming checks its body first: whose claim it is decides who may make it.
        group.MapPost("/{id}/claim", ClaimAsync).WithSummary("Claim an order, first come first served; 409 'full' once it has the people it needs.");
    }

    private static async Task<Results<Ok<LoopTicket>, ValidationProblem, AccessRefusal, StateRefusal>> OrderAsync(string id, OrderHelpRequestRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var skills = Skills(v, request.Skills);
        var people = v.Required("peopleNeeded", request.PeopleNeeded);
        if (request.PeopleNeeded is < 1 or > MaxPeople)
        {
            v.Add("peopleNeeded", $"Must be 1 to {MaxPeople}.");
        }

        var minutes = v.Required("timeLimitMinutes", request.TimeLimitMinutes);
        if (request.TimeLimitMinutes is < 5 or > MaxTimeLimitMinutes)
        {
            v.Add("timeLimitMinutes", $"Must be 5 to {MaxTimeLimitMinutes} (30 days).");
        }

        var note = HelpRequestEndpoints.Note(v, "note", request.Note);
        var teamId = request.TeamId is null ? null : v.Id("teamId", request.TeamId);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var target = http.Target();
        if (teamId is not null && (await grains.GetGrain<IVolunteerTeamGrain>(teamId).GetAsync() is not { } team || !target.CenterPath.Contains(team.CenterId)))
        {
            v.Add("teamId", $"Must be a volunteer team of the request's center or a center above it ({string.Join(", ", target.CenterPath)}).");
            return ApiResults.Invalid(v);
        }

        var terms = new OrderTerms(skills, people, TimeSpan.FromMinutes(minutes), teamId);
        var outcome = await grains.GetGrain<IHelpRequestGrain>(id).DispatchAsync(terms, Caller.From(http.User)!.Actor, note);
        return await HelpRequestEndpoints.AnswerAsync(outcome, AuditActions.HelpRequestOrdered, id, target, http, audit, $"{people} people, {minutes} min");
    }

    private static async Task<Results<Ok<LoopTicket>, ValidationProblem, AccessRefusal, StateRefusal>> RejectAsync(string id, RejectHelpRequestRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var reason = v.Text("reason", request.Reason, 500);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var target = http.Target();
        var outcome = await grains.GetGrain<IHelpRequestGrain>(id).RejectAsync(reason, Caller.From(http.User)!.Actor);
        return await HelpRequestEndpoints.AnswerAsync(outcome, AuditActions.HelpRequestRejected, id, target, http, audit, reason);
    }

    private static async Task<Results<Ok<ClaimAnswer>, ValidationProblem, AccessRefusal, StateRefusal>> ClaimAsync(string id, ClaimOrderRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var personId = v.Id("personId", request.PersonId);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var grain = grains.GetGrain<IHelpRequestGrain>(id);
        var loop = await grain.GetLoopAsync();
        if (loop is null)
        {
            return (AccessRefusal)ApiResults.NotFound($"Help request '{id}' does not exist.");
        }

        var target = await scopes.ForCenterAsync(loop.CenterId);
        var caller = Caller.From(http.User);
        if (caller is null || !(AccessPolicy.CanWriteRegistry(caller, target) || (caller.Role == Role.Volunteer && caller.ScopeId == personId)))
        {
            return (AccessRefusal)ApiResults.Forbidden($"Order '{id}' is claimed by a person for themselves, or recorded for them by the staff of its center or above.");
        }

        if (await grains.GetGrain<IVolunteerGrain>(personId).GetAsync() is not { } person)
        {
            return ApiResults.State(ProblemKind.NotFound, $"Volunteer '{personId}' does not exist.");
        }

        var home = await scopes.ForGridAsync(person.Profile.HomeGridId);
        if (!home.CenterPath.Contains(loop.CenterId))
        {
            return HelpRequestEndpoints.Conflict($"Order '{id}' is for people near center '{loop.CenterId}'; {person.Profile.Name}'s grid is not below it.", HelpRequestRefusal.NotEligible);
        }

        var who = new LoopAssignee(personId, person.Profile.Name, person.Profile.IsPartyMember, IsThirdParty: false);
        string[] teams = loop.Order?.TeamId is { } teamOf && await grains.GetGrain<IVolunteerTeamGrain>(teamOf).GetAsync() is { } t && t.Includes(personId) ? [teamOf] : [];
        var outcome = await grain.ClaimAsync(who, person.Profile.Skills, teams);
        return await HelpRequestEndpoints.AnswerAsync(outcome, AuditActions.OrderClaimed, id, target, http, audit, $"by {personId}", async () =>
        {
            var order = outcome.Ticket!.Order!;
            var position = order.Claims.ToList().FindIndex(c => c.Who.Id == personId) + 1;
            await audit.RecordAsync(http, AuditActions.OrderClaimed, $"helpRequest:{id}", target, details: $"by {personId} ({position} of {order.PeopleNeeded})");
            return TypedResults.Ok(new ClaimAnswer(id, personId, position, order.PeopleNeeded, order.Claims.Count, outcome.Ticket.Stage));
        });
    }

    private static List<string> Skills(Validation v, IReadOnlyList<string?>? skills)
    {
        if (skills is null)
        {
            return [];
        }

        if (skills.Count > MaxSkills)
        {
            v.Add("skills", $"At most {MaxSkills} skills.");
            return [];
        }

        return [.. skills.Select((s, i) => v.Text($"skills[{i}]", s, 50)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
