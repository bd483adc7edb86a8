using Lianxin.Emergencies;
using Lianxin.Volunteers;
using Lianxin.WebHost.Apis.Emergencies;
using Lianxin.WebHost.Limits;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// The live roll-call of an emergency: counts per status, grid and post; drill-down to the people (a grid lead sees
/// its own grid's); answers, with a reply token or on someone's behalf.
/// </summary>
internal static class RollCallEndpoints
{
    private const int DefaultMax = 200;
    private const int MaxPeople = 2000;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id}/rollcall", GetRollCallAsync).WithSummary("Counts and % per status, per grid and per post, as of now.").RequireFollow();
        group.MapGet("/{id}/people", GetPeopleAsync).WithSummary("Drill down: the people with a status, in a grid or post, or unaccounted.")
            .RequireFollow();
        group.MapGet("/{id}/unaccounted", GetUnaccountedAsync).WithSummary("\"My unaccounted people\": those who have not answered (a grid lead's own grid).")
            .RequireFollow();
        group.MapGet("/{id}/people/{volunteerId}", GetPersonAsync).WithSummary("One person with every change of their status.").RequireFollow();
        group.MapPost("/{id}/responses", RespondAsync).AllowAnonymous().WithJournalWriteBackpressure()
            .WithSummary("Answer: with the reply token (no sign-in needed), or as a grid lead on someone's behalf with a comment.");
    }

    private static async Task<Ok<RollCallSummary>> GetRollCallAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IEmergencyGrain>(id).GetRollCallAsync());

    private static async Task<Results<Ok<PersonLine[]>, ValidationProblem, ForbiddenProblem>> GetPeopleAsync(
        string id, string? status, string? gridId, string? postId, bool? unaccounted, int? max, HttpContext http, IGrainFactory grains)
    {
        var v = new Validation();
        RollCallStatus? wanted = status is null ? null : v.Enum<RollCallStatus>("status", status);
        var grid = gridId is null ? null : v.Id("gridId", gridId);
        var post = postId is null ? null : v.Id("postId", postId);
        if (max is < 1 or > MaxPeople)
        {
            v.Add("max", $"Must be 1 to {MaxPeople}.");
        }

        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        // A grid lead follows the whole emergency's counts but only its own grid's people.
        var caller = Caller.From(http.User)!;
        if (caller.Role == Role.GridLead && grid is { } other && other != caller.ScopeId)
        {
            return ApiResults.Forbidden($"Grid '{other}' is outside your scope.");
        }

        return TypedResults.Ok(await ListAsync(id, new PeopleFilter(wanted, grid, post, unaccounted ?? false, max ?? DefaultMax), caller, grains));
    }

    private static async Task<Ok<PersonLine[]>> GetUnaccountedAsync(string id, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await ListAsync(id, new PeopleFilter(null, null, null, true, MaxPeople), Caller.From(http.User)!, grains));

    /// <summary>The people the filter picks, for a caller the access check let follow the emergency; a grid lead's own grid's only.</summary>
    private static async Task<PersonLine[]> ListAsync(string id, PeopleFilter filter, Caller caller, IGrainFactory grains)
    {
        if (caller.Role == Role.GridLead)
        {
            filter = filter with { GridId = caller.ScopeId };
        }

        var people = await grains.GetGrain<IEmergencyGrain>(id).GetPeopleAsync(filter);
        var profiles = await Task.WhenAll(people.Select(p => grains.GetGrain<IVolunteerGrain>(p.VolunteerId).GetAsync()));
        // A grid lead's list is its own grid's people, whom it calls; anyone else's is a dashboard and sees numbers masked.
        return [.. people.Select((p, i) => new PersonLine(
            p.VolunteerId, profiles[i]?.Profile.Name, profiles[i] is { } profile ? PersonalDataViews.For(caller, profile).Profile.Phone : null,
            p.GridId, p.Status, p.ChangedAt, p.PostId))];
    }

    private static async Task<Results<Ok<PersonRollCall>, ForbiddenProblem, NotFoundProblem>> GetPersonAsync(string id, string volunteerId, HttpContext http, IGrainFactory grains)
    {
        var person = await grains.GetGrain<IEmergencyGrain>(id).GetPersonAsync(volunteerId);
        var caller = Caller.From(http.User)!;
        if (person is null)
        {
            return ApiResults.NotFound($"'{volunteerId}' is not on the roll-call of emergency '{id}'.");
        }

        return caller.Role == Role.GridLead && person.GridId != caller.ScopeId
            ? ApiResults.Forbidden($"'{volunteerId}' is outside your grid.")
            : TypedResults.Ok(person);
    }

    private static async Task<Results<Ok<StatusChange>, ValidationProblem, UnauthenticatedProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> RespondAsync(
        string id, ReplyRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit, KnownEmergencies known)
    {
        var v = new Validation();
        var status = request.ParseStatus(v);
        var comment = request.ParseComment(v);
        var location = request.ParseLocation(v);
        var signedIn = Caller.From(http.User);

        // A signed-in person answers for themselves by name; anyone else signed in answers on someone's behalf under
        // their own identity, never with a token (which would count as the person's own answer).
        var self = request.Token is null && signedIn is { Role: Role.Volunteer } me && me.ScopeId == request.VolunteerId;
        if (request.Token is not null && signedIn is { } other && !(other.Role == Role.Volunteer && (request.VolunteerId is null || other.ScopeId == request.VolunteerId)))
        {
            return ApiResults.Forbidden("Signed in, you answer for someone else on their behalf (volunteerId and a comment), not with their reply token.");
        }

        var onBehalf = request.Token is null && !self;
        var channel = request.ParseChannel(v, onBehalf ? RollCallChannel.Phone : RollCallChannel.Web);
        if (onBehalf)
        {
            if (Caller.From(http.User) is null)
            {
                return ApiResults.Unauthenticated("Answer with your reply token, or sign in as a grid lead to answer on someone's behalf.");
            }

            v.Id("volunteerId", request.VolunteerId);
            if (comment is null)
            {
                v.Add("comment", "An answer on someone's behalf needs a comment: who said so, and how.");
            }
        }
        else if (!self && request.Token is not { Length: > 0 and <= 64 })
        {
            v.Add("token", "Not a reply token.");
        }

        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        // Anyone may call this without signing in: an id no emergency has must not wake an actor.
        if (!await known.ExistsAsync(id))
        {
            return ApiResults.NotFound($"Emergency '{id}' does not exist.");
        }

        var emergency = grains.GetGrain<IEmergencyGrain>(id);
        if (self)
        {
            var own = await emergency.RespondAsync(new RollCallReply(null, request.VolunteerId, status, channel, request.VolunteerId!, false, comment, location, request.RequestId));
            return ToResult(own, onBehalf: false);
        }

        var by = request.VolunteerId ?? "";
        AccessTarget? personGrid = null;
        if (onBehalf)
        {
            var caller = Caller.From(http.User)!;
            var person = await emergency.GetPersonAsync(request.VolunteerId!);
            if (await emergency.GetAsync() is null || person is null)
            {
                return ApiResults.NotFound(person is null ? $"'{request.VolunteerId}' is not on the roll-call of emergency '{id}'." : $"Emergency '{id}' does not exist.");
            }

            personGrid = await scopes.ForGridAsync(person.GridId);
            if (!AccessPolicy.CanAnswerOnBehalf(caller, personGrid))
            {
                return ApiResults.Forbidden($"Only the grid lead of '{request.VolunteerId}', the staff of a center above their grid or an operator of the region may answer on their behalf.");
            }

            by = caller.Subject;
        }

        var result = await emergency.RespondAsync(new RollCallReply(
            onBehalf ? null : request.Token, onBehalf ? request.VolunteerId : null, status, channel, by, onBehalf, comment, location, request.RequestId));
        // Audited under the answer's own journal event: a resent answer (same requestId) finds it and audits it once.
        if (onBehalf && result.Outcome is ReplyOutcome.Recorded or ReplyOutcome.Duplicate && result.Change is { OnBehalf: true } change)
        {
            await audit.RecordAsync(http, AuditActions.RollCallStatusOnBehalf, $"volunteer:{request.VolunteerId}", personGrid!, comment,
                $"emergency={id}; status={EnumNames.Of(change.Status)}; channel={EnumNames.Of(change.Channel)}", key: $"emergency:{id}/event/{change.Sequence}");
        }

        return ToResult(result, onBehalf);
    }

    private static Results<Ok<StatusChange>, ValidationProblem, UnauthenticatedProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem> ToResult(ReplyResult result, bool onBehalf)
    {
        return result.Outcome switch
        {
            ReplyOutcome.Recorded or ReplyOutcome.Duplicate => TypedResults.Ok(result.Change!),
            ReplyOutcome.EmergencyNotFound or ReplyOutcome.PersonNotFound => ApiResults.NotFound(result.Detail ?? "Not found."),
            ReplyOutcome.TokenRejected => ApiResults.Forbidden(result.Detail ?? "Not a reply token of this emergency."),
            ReplyOutcome.Closed => ApiResults.Conflict(result.Detail),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [onBehalf ? "comment" : "status"] = [result.Detail ?? "Invalid."] }),
        };
    }
}

/// <summary>One person of a drill-down list, with what a grid lead needs to call them.</summary>
public sealed record PersonLine(string VolunteerId, string? Name, string? Phone, string GridId, RollCallStatus Status, DateTimeOffset? ChangedAt, string? PostId);
