using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.HelpRequests;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.HelpRequests;

/// <summary>
/// The closed loop of a help request over HTTP: staff open one; staff of its center or above (and operators of the
/// region) assign it, record the owner's start and resolution and the resident's rating; the owner, with a volunteer
/// token, may start and resolve it themselves. Party-building work goes only to party members (409 otherwise, nothing
/// changes). Every accepted step is audited.
/// </summary>
internal static class HelpRequestEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id}/loop", GetLoop).WithSummary("A help request's closed loop: stage, owner, time limit, escalation and history.")
            .RequireHelpRequestRead();
        // Opening validates its body first: the center it names decides who may open it.
        group.MapPost("/", OpenAsync).WithSummary("Staff open a help request at a center (state open, no owner).");
        group.MapPost("/{id}/assign", AssignAsync).WithSummary("Give the request to a volunteer or a staff member; party-building requests only to party members.")
            .RequireHelpRequestStep();
        group.MapPost("/{id}/start", StartAsync).WithSummary("The owner starts work.").RequireHelpRequestStep(workersMay: true);
        group.MapPost("/{id}/resolve", ResolveAsync).WithSummary("The owner reports the request solved.").RequireHelpRequestStep(workersMay: true);
        group.MapPost("/{id}/rate", RateAsync).WithSummary("Record the resident's rating (1-5) of a resolved request.").RequireHelpRequestStep(residentMay: true);
    }

    /// <summary>Runs the handler only for a caller who may read the help request the route's <c>{id}</c> names; leaves its loop to the handler.</summary>
    public static RouteHandlerBuilder RequireHelpRequestRead(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireHelpRequest((http, id, _, target) => ApiResults.CheckRead(http, target, $"Help request '{id}'"));

    /// <summary>
    /// Runs the handler only for a caller who may take a step on the help request the route's <c>{id}</c> names: 404 when
    /// it does not exist, 403 unless the caller is staff of its center or above, an operator of its region, (where
    /// <paramref name="workersMay"/>: the owner's own steps) its owner or a claimer of its order with a volunteer token, or
    /// (where <paramref name="residentMay"/>: rating) the resident it is for. Leaves its loop and center to the handler.
    /// </summary>
    public static RouteHandlerBuilder RequireHelpRequestStep(this RouteHandlerBuilder endpoint, bool workersMay = false, bool residentMay = false) =>
        endpoint.RequireHelpRequest((http, id, loop, target) =>
        {
            // An order's claimers work it together: each may record the group's steps with their own token.
            string[] workers = workersMay ? [.. loop?.Owner is { } o ? [o.Id] : Array.Empty<string>(), .. loop?.Order?.Claims.Select(c => c.Who.Id) ?? []] : [];
            return ApiResults.Check(
                http, target, $"Help request '{id}'",
                (caller, center) => AccessPolicy.CanWriteRegistry(caller, center) || (caller.Role == Role.Volunteer && workers.Contains(caller.ScopeId))
                    || (residentMay && caller.IsResident(loop!.PersonId)),
                $"Help request '{id}' is handled by the staff of its center or above, the operators of its region, and its owner.");
        });

    /// <summary>Reads the help request and its center for <paramref name="check"/>; leaves both to the handler it lets through.</summary>
    private static RouteHandlerBuilder RequireHelpRequest(
        this RouteHandlerBuilder endpoint, Func<HttpContext, string, LoopTicket?, AccessTarget, AccessRefusal?> check) =>
        endpoint.Require(async (http, id) =>
        {
            var loop = await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IHelpRequestGrain>(id).GetLoopAsync();
            var target = loop is null ? new AccessTarget([]) : await http.RequestServices.GetRequiredService<ScopeResolver>().ForCenterAsync(loop.CenterId);
            if (check(http, id, loop, target) is { } refusal)
            {
                return refusal;
            }

            http.Items[typeof(LoopTicket)] = loop;
            http.Items[typeof(AccessTarget)] = target;
            return null;
        });

    private static async Task<Results<Created<LoopTicket>, ValidationProblem, AccessRefusal>> OpenAsync(OpenHelpRequestRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit, TimeProvider clock)
    {
        var v = new Validation();
        var centerId = v.Id("centerId", request.CenterId);
        var function = v.Enum<BasicFunction>("function", request.Function);
        var description = v.Text("description", request.Description, 500);
        var personId = request.PersonId is null ? null : v.Id("personId", request.PersonId);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var target = await scopes.ForCenterAsync(centerId);
        if (ApiResults.CheckWrite(http, target, $"Center '{centerId}'") is { } refusal)
        {
            return refusal;
        }

        var id = $"hr-{Guid.NewGuid():N}";
        var grain = grains.GetGrain<IHelpRequestGrain>(id);
        var openedBy = Caller.From(http.User)!.Actor;
        await grain.OpenAsync(new HelpRequestTicket(id, centerId, function, description, personId, null, null, clock.GetUtcNow(), HelpRequestState.Open, null, openedBy));
        await audit.RecordAsync(http, "helpRequest.opened", $"helpRequest:{id}", target, details: EnumNames.Of(function));
        return TypedResults.Created($"/api/v1/help-requests/{id}", (await grain.GetLoopAsync())!);
    }

    /// <summary>The help request the access filter of the request read and let through.</summary>
    private static LoopTicket Loop(this HttpContext http) => (LoopTicket)http.Items[typeof(LoopTicket)]!;

    private static Ok<LoopTicket> GetLoop(HttpContext http) => TypedResults.Ok(http.Loop());

    private static async Task<Results<Ok<LoopTicket>, ValidationProblem, AccessRefusal, StateRefusal>> AssignAsync(string id, AssignHelpRequestRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var note = Note(v, "note", request.Note);
        var toVolunteer = request.VolunteerId is not null;
        if (toVolunteer == (request.StaffName is not null))
        {
            v.Add("volunteerId", "Give either volunteerId, or staffCenterId and staffName.");
        }

        var volunteerId = toVolunteer ? v.Id("volunteerId", request.VolunteerId) : "";
        var staffCenterId = !toVolunteer && request.StaffName is not null ? v.Id("staffCenterId", request.StaffCenterId) : "";
        var staffName = !toVolunteer && request.StaffName is not null ? v.Text("staffName", request.StaffName, 100) : "";
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var target = http.Target();
        if (!toVolunteer && !target.CenterPath.Contains(staffCenterId))
        {
            v.Add("staffCenterId", $"Must be the request's center or a center above it ({string.Join(", ", target.CenterPath)}).");
            return ApiResults.Invalid(v);
        }

        var assignee = toVolunteer ? await Assignees.VolunteerAsync(grains, volunteerId) : await Assignees.StaffAsync(grains, staffCenterId, staffName);
        if (assignee is null)
        {
            return ApiResults.State(ProblemKind.NotFound, toVolunteer ? $"Volunteer '{volunteerId}' does not exist." : $"Center '{staffCenterId}' has no staff member '{staffName}'.");
        }

        var caller = Caller.From(http.User)!;
        var outcome = await grains.GetGrain<IHelpRequestGrain>(id).AssignAsync(assignee, caller.Actor, note);
        return await AnswerAsync(outcome, "helpRequest.assigned", id, target, http, audit, $"to {assignee.Id}");
    }

    private static Task<Results<Ok<LoopTicket>, ValidationProblem, AccessRefusal, StateRefusal>> StartAsync(string id, HelpRequestStepRequest? request, HttpContext http, IGrainFactory grains, AuditTrail audit) =>
        OwnerStepAsync(id, request, http, grains, audit, "helpRequest.started", (g, handler, actor, note) => g.StartAsync(handler, actor, note));

    private static Task<Results<Ok<LoopTicket>, ValidationProblem, AccessRefusal, StateRefusal>> ResolveAsync(string id, HelpRequestStepRequest? request, HttpContext http, IGrainFactory grains, AuditTrail audit) =>
        OwnerStepAsync(id, request, http, grains, audit, "helpRequest.resolved", (g, handler, actor, note) => g.ResolveAsync(handler, actor, note));

    private static async Task<Results<Ok<LoopTicket>, ValidationProblem, AccessRefusal, StateRefusal>> RateAsync(string id, RateHelpRequestRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var rating = v.Required("rating", request.Rating);
        if (request.Rating is < 1 or > 5)
        {
            v.Add("rating", "Must be 1 to 5.");
        }

        var comment = Note(v, "comment", request.Comment);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var outcome = await grains.GetGrain<IHelpRequestGrain>(id).RateAsync(rating, Caller.From(http.User)!.Actor, comment);
        return await AnswerAsync(outcome, "helpRequest.rated", id, http.Target(), http, audit, $"rating {rating}");
    }

    private static async Task<Results<Ok<LoopTicket>, ValidationProblem, AccessRefusal, StateRefusal>> OwnerStepAsync(
        string id, HelpRequestStepRequest? request, HttpContext http, IGrainFactory grains, AuditTrail audit, string action,
        Func<IHelpRequestGrain, LoopAssignee, string, string?, Task<HelpRequestOutcome>> step)
    {
        var v = new Validation();
        var note = Note(v, "note", request?.Note);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        if (http.Loop().Owner is not { } owner)
        {
            return Conflict($"Help request '{id}' has no owner yet: assign it first.", HelpRequestRefusal.Conflict);
        }

        // The owner's facts as they are now: someone who left the party since the assignment may not carry on with party work.
        var handler = await Assignees.ReadAsync(grains, owner.Id) ?? owner with { IsPartyMember = false };
        // The owner acting for themselves is named as the owner; anyone recording for them by their role and subject.
        var caller = Caller.From(http.User)!;
        var outcome = await step(grains.GetGrain<IHelpRequestGrain>(id), handler, caller.Role == Role.Volunteer ? caller.Subject : caller.Actor, note);
        return await AnswerAsync(outcome, action, id, http.Target(), http, audit, $"owner {owner.Id}");
    }

    /// <summary>The answer to a step: the ticket, audited, when it was accepted; otherwise the refusal.</summary>
    internal static Task<Results<Ok<LoopTicket>, ValidationProblem, AccessRefusal, StateRefusal>> AnswerAsync(
        HelpRequestOutcome outcome, string action, string id, AccessTarget target, HttpContext http, AuditTrail audit, string details) =>
        AnswerAsync(outcome, action, id, target, http, audit, details, async () =>
        {
            await audit.RecordAsync(http, action, $"helpRequest:{id}", target, details: details);
            return TypedResults.Ok(outcome.Ticket!);
        });

    /// <summary>Like the other overload; <paramref name="acceptedAsync"/> answers (and audits) an accepted step.</summary>
    internal static async Task<Results<TAccepted, ValidationProblem, AccessRefusal, StateRefusal>> AnswerAsync<TAccepted>(
        HelpRequestOutcome outcome, string action, string id, AccessTarget target, HttpContext http, AuditTrail audit, string details, Func<Task<TAccepted>> acceptedAsync)
        where TAccepted : IResult
    {
        if (outcome.Accepted)
        {
            return await acceptedAsync();
        }

        if (outcome.Kind == HelpRequestRefusal.PartyAffairs)
        {
            // Refusals of the party-affairs rule are kept: an attempt to outsource party work is itself worth knowing.
            await audit.RecordAsync(http, "helpRequest.refused", $"helpRequest:{id}", target, outcome.Refusal, details);
        }

        if (outcome.Kind == HelpRequestRefusal.Invalid)
        {
            return ApiResults.Invalid(Single(action == "helpRequest.rated" ? "rating" : "peopleNeeded", outcome.Refusal!));
        }

        return ApiResults.KindOf(outcome.Kind) == ProblemKind.NotFound ? ApiResults.State(ProblemKind.NotFound, outcome.Refusal) : Conflict(outcome.Refusal!, outcome.Kind);
    }

    internal static StateRefusal Conflict(string detail, HelpRequestRefusal kind) =>
        new ConflictProblem(
            detail,
            new Dictionary<string, object?> { ["refusal"] = EnumNames.Of(kind) },
            kind switch
            {
                HelpRequestRefusal.PartyAffairs => "Party affairs are done only by party members",
                HelpRequestRefusal.Full => "The order already has the people it needs",
                HelpRequestRefusal.NotEligible => "The order needs someone else",
                _ => "The request's stage or owner does not allow this",
            });

    private static Validation Single(string field, string message)
    {
        var v = new Validation();
        v.Add(field, message);
        return v;
    }

    internal static string? Note(Validation v, string field, string? value) => value is null ? null : v.Text(field, value, 500);
}
