using Lianxin.Emergencies;
using Lianxin.WebHost.Apis.Emergencies;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// One-key mobilization and live roll-call: <c>/api/v1/emergencies</c>. Launch and preview, the emergencies a caller
/// may follow, level changes, end and cancel here; the roll-call and the reports in their own files.
/// </summary>
public static class EmergenciesApi
{
    public static RouteGroupBuilder MapEmergenciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/emergencies").WithTags("Emergencies").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        group.MapGet("/", ListAsync).WithSummary("The emergencies you may follow, newest first.");
        group.MapPost("/preview", EmergencyLaunchEndpoints.PreviewAsync).WithSummary("Who a launch would reach, per grid; nothing is sent.");
        group.MapPost("/", EmergencyLaunchEndpoints.LaunchAsync)
            .WithSummary("One-key launch. Needs an Idempotency-Key header: the same key answers the same emergency (200) instead of starting another.");
        group.MapGet("/{id}", GetAsync).WithSummary("An emergency: definition, phase, level and totals.").RequireFollow();
        group.MapPost("/{id}/level", ChangeLevelAsync).WithSummary("Raise or lower the level; the update reaches everyone.")
            .RequireCommand();
        group.MapPost("/{id}/end", EndAsync).WithSummary("End the emergency: every status freezes.").RequireCommand();
        group.MapPost("/{id}/cancel", CancelAsync).WithSummary("Cancel: everyone is told to stand down; every status freezes. Needs the reason.")
            .RequireCommand();
        RollCallEndpoints.Map(group);
        EmergencyReportEndpoints.Map(group);
        VolunteerEmergencyEndpoints.Map(app);
        return group;
    }

    /// <summary>
    /// Decided from the directory's entries (home center and grid) without waking the emergencies: operators, auditors
    /// and staff by the home's place in the tree, volunteers see none here. Only for a grid lead are emergencies asked
    /// which grids they reached, and only those launched over the lead's own region (a launch never reaches beyond its
    /// home's subtree), so listing costs no activation of emergencies the caller could never follow.
    /// </summary>
    private static async Task<Ok<List<EmergencyEntry>>> ListAsync(HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        var caller = Caller.From(http.User)!;
        var visible = new List<EmergencyEntry>();
        if (caller.Role is not (Role.Operator or Role.Auditor or Role.Staff or Role.GridLead))
        {
            return TypedResults.Ok(visible);
        }

        var place = await EmergencyGate.PlaceOfAsync(caller, scopes);
        var homes = new Dictionary<string, AccessTarget>(StringComparer.Ordinal);
        foreach (var entry in await grains.GetGrain<IEmergencyDirectoryGrain>(0).ListAsync())
        {
            if (!homes.TryGetValue(entry.HomeCenterId, out var path))
            {
                homes[entry.HomeCenterId] = path = await scopes.ForCenterAsync(entry.HomeCenterId);
            }

            var home = path with { GridId = entry.HomeGridId };
            if (AccessPolicy.CanFollowEmergency(caller, home, place, []) || (caller.Role == Role.GridLead
                && place.CenterPath.Contains(entry.HomeCenterId)
                && (await grains.GetGrain<IEmergencyGrain>(entry.Id).GetRollCallAsync())?.Grids.Any(g => g.GridId == caller.ScopeId) == true))
            {
                visible.Add(entry);
            }
        }

        return TypedResults.Ok(visible);
    }

    private static Ok<EmergencyView> GetAsync(HttpContext http) => TypedResults.Ok(http.Emergency());

    private static async Task<Results<Ok<EmergencyView>, ValidationProblem, StateRefusal>> ChangeLevelAsync(string id, LevelRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        var level = v.Enum<EmergencyLevel>("level", request.Level);
        var comment = request.Comment is null ? null : v.Text("comment", request.Comment, 500);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var result = await grains.GetGrain<IEmergencyGrain>(id).ChangeLevelAsync(new LevelChange(level, Caller.From(http.User)!.Subject, comment));
        await RecordAsync(audit, http, AuditActions.EmergencyLevelChanged, id, http.Emergency(), result, comment, $"level={EnumNames.Of(level)}", scopes);
        return FromCommand(result);
    }

    private static Task<Results<Ok<EmergencyView>, ValidationProblem, StateRefusal>> EndAsync(string id, CloseRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit) =>
        CloseAsync(id, request, http, scopes, grains, audit, cancel: false);

    private static Task<Results<Ok<EmergencyView>, ValidationProblem, StateRefusal>> CancelAsync(string id, CloseRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit) =>
        CloseAsync(id, request, http, scopes, grains, audit, cancel: true);

    private static async Task<Results<Ok<EmergencyView>, ValidationProblem, StateRefusal>> CloseAsync(
        string id, CloseRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit, bool cancel)
    {
        var v = new Validation();
        var comment = cancel || request.Comment is not null ? v.Text("comment", request.Comment, 500) : null;
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var command = new CloseCommand(Caller.From(http.User)!.Subject, comment);
        var emergency = grains.GetGrain<IEmergencyGrain>(id);
        var result = cancel ? await emergency.CancelAsync(command) : await emergency.EndAsync(command);
        await RecordAsync(audit, http, cancel ? AuditActions.EmergencyCancelled : AuditActions.EmergencyEnded, id, http.Emergency(), result, comment, null, scopes);
        return FromCommand(result);
    }

    /// <summary>
    /// Audits the change a command made, under the journal event that made it: a retry that finds the change done
    /// (its first attempt timed out) audits it if nobody did, and never twice. A refused command changed nothing.
    /// </summary>
    private static async Task RecordAsync(
        AuditTrail audit, HttpContext http, string action, string id, EmergencyView view, CommandResult result, string? reason, string? details, ScopeResolver scopes)
    {
        if (result.Sequence is { } sequence)
        {
            await audit.RecordAsync(http, action, $"emergency:{id}", await EmergencyGate.HomeOfAsync(view.Definition, scopes), reason, details,
                key: $"emergency:{id}/event/{sequence}");
        }
    }

    private static Results<Ok<EmergencyView>, ValidationProblem, StateRefusal> FromCommand(CommandResult result) =>
        ApiResults.KindOf(result.Outcome) is { } kind ? ApiResults.State(kind, result.Detail) : TypedResults.Ok(result.Emergency);
}
