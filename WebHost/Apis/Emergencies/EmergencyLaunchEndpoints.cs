using Lianxin.Emergencies;
using Lianxin.WebHost.Apis.Emergencies;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// <c>POST /api/v1/emergencies</c> (one-key launch, with an <c>Idempotency-Key</c>) and <c>/preview</c> (who would be
/// reached, per grid, before anything is sent). Both check the launch rules the same way.
/// </summary>
internal static class EmergencyLaunchEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static async Task<Results<Created<EmergencyView>, Ok<EmergencyView>, ValidationProblem, NotFoundProblem, AccessRefusal, UnprocessableProblem>> LaunchAsync(LaunchRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var caller = Caller.From(http.User)!;
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        var v = new Validation();
        if (EmergencyIds.CheckKey(key) is { } keyProblem)
        {
            v.Add(IdempotencyKeyHeader, keyProblem);
        }

        var prepared = await PrepareAsync(request, caller, v, scopes, grains);
        if (prepared.Refusal is { } refusal)
        {
            return refusal;
        }

        if (prepared.Command is not { } command)
        {
            return ApiResults.Invalid(v);
        }

        foreach (var reserve in await grains.GetGrain<ILaunchPlanGrain>(0).CheckReservesAsync(command))
        {
            v.Add(reserve.Field, reserve.Message);
        }

        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var id = EmergencyIds.FromKey(caller.Subject, key);
        var result = await grains.GetGrain<IEmergencyGrain>(id).LaunchAsync(command);
        // A retry whose first attempt launched (and timed out, or crashed before its audit) audits it: once, by its key.
        if (result.Outcome is LaunchOutcome.Launched or LaunchOutcome.AlreadyLaunched)
        {
            await audit.RecordAsync(http, AuditActions.EmergencyLaunched, $"emergency:{id}", await EmergencyGate.HomeOfAsync(result.Emergency!.Definition, scopes),
                details: $"level={EnumNames.Of(command.Level)}; scope={EnumNames.Of(command.Scope.Kind)}:{string.Join(',', command.Scope.Ids)}",
                key: $"emergency:{id}/launch");
        }

        return ApiResults.KindOf(result.Outcome) switch
        {
            null when result.Outcome == LaunchOutcome.Launched => TypedResults.Created($"/api/v1/emergencies/{id}", result.Emergency!),
            null => TypedResults.Ok(result.Emergency!),
            ProblemKind.NotFound => ApiResults.NotFound(result.Detail ?? "The scope names something that does not exist."),
            _ => ApiResults.Unprocessable(result.Detail),
        };
    }

    public static async Task<Results<Ok<AudiencePreview>, ValidationProblem, AccessRefusal>> PreviewAsync(
        LaunchRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        var v = new Validation();
        var prepared = await PrepareAsync(request, Caller.From(http.User)!, v, scopes, grains);
        if (prepared.Refusal is { } refusal)
        {
            return refusal;
        }

        if (prepared.Command is not { } command)
        {
            return ApiResults.Invalid(v);
        }

        var plan = await grains.GetGrain<ILaunchPlanGrain>(0).PreviewAsync(command);
        foreach (var reserve in plan.Refusals)
        {
            v.Add(reserve.Field, reserve.Message);
        }

        return v.IsValid ? TypedResults.Ok(plan.Audience) : ApiResults.Invalid(v);
    }

    /// <summary>
    /// The launch command with the scenario applied, validated, authorized, and completed with the launcher: an
    /// operator's emergency is homed at its region, a grid lead's at its grid; a shape, and a team's people, are bounded
    /// by that home. No command and no refusal: the request is invalid, as <paramref name="v"/> says.
    /// </summary>
    private static async Task<(LaunchCommand? Command, AccessRefusal? Refusal)> PrepareAsync(
        LaunchRequest request, Caller caller, Validation v, ScopeResolver scopes, IGrainFactory grains)
    {
        ScenarioSnapshot? scenario = null;
        if (request.ScenarioId is not null)
        {
            var scenarioId = v.Id("scenarioId", request.ScenarioId);
            if (v.IsValid)
            {
                scenario = await grains.GetGrain<IScenarioGrain>(scenarioId).GetAsync();
                if (scenario is null)
                {
                    return (null, ApiResults.NotFound($"Scenario '{scenarioId}' does not exist."));
                }

                if (!AccessPolicy.CanUseScenario(caller, await ScenariosApi.OwnerOfAsync(scenario.Definition, scopes), await EmergencyGate.PlaceOfAsync(caller, scopes)))
                {
                    return (null, ApiResults.Forbidden($"Scenario '{scenarioId}' is outside your scope."));
                }
            }
        }

        var command = request.ToCommand(v, scenario);
        if (!v.IsValid)
        {
            return (null, null);
        }

        var scope = command.Scope;
        var targets = await Task.WhenAll(scope.Kind switch
        {
            ScopeKind.Grids => scope.Ids.Select(scopes.ForGridAsync),
            ScopeKind.Centers or ScopeKind.Region => scope.Ids.Select(scopes.ForCenterAsync),
            ScopeKind.Teams => scope.Ids.Select(scopes.ForTeamAsync),
            _ => [],
        });
        var unknown = scope.Ids.Where((_, i) => targets[i].CenterPath.Count == 0).ToList();
        if (unknown.Count > 0)
        {
            return (null, ApiResults.NotFound($"Unknown scope: {string.Join(", ", unknown)} does not exist."));
        }

        if (!AccessPolicy.CanLaunch(caller, scope.Kind, targets))
        {
            return (null, ApiResults.Forbidden(caller.Role is Role.Operator or Role.GridLead
                ? "A grid lead may launch only inside its grid, an operator only inside its region."
                : $"A {EnumNames.Of(caller.Role)} token cannot launch an emergency: only a grid lead (in its grid) or an operator (in its region) can."));
        }

        if (caller.Role == Role.GridLead)
        {
            var grid = await scopes.ForGridAsync(caller.ScopeId);
            if (grid.CenterPath.Count == 0)
            {
                return (null, ApiResults.Forbidden($"Your grid '{caller.ScopeId}' does not exist."));
            }

            return (command with
            {
                Scope = scope.Kind is ScopeKind.Polygon or ScopeKind.Circle ? scope with { WithinGridId = caller.ScopeId } : scope,
                LaunchedBy = caller.Subject,
                HomeCenterId = grid.CenterPath[0],
                HomeGridId = caller.ScopeId,
            }, null);
        }

        // A team's members may live anywhere; like a shape, the launch reaches only those inside the operator's region.
        return (command with
        {
            Scope = scope.WithinRegion(caller.ScopeId),
            LaunchedBy = caller.Subject,
            HomeCenterId = caller.ScopeId,
        }, null);
    }
}
