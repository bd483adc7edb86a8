using Lianxin.Common;
using Lianxin.Emergencies;
using Lianxin.WebHost.Apis.Emergencies;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis;

/// <summary>
/// Scenarios prepared in advance (预案): <c>/api/v1/scenarios</c>. The command center writes its region's, a grid lead
/// its grid's; a region's scenarios are usable by everyone below it.
/// </summary>
public static class ScenariosApi
{
    public static RouteGroupBuilder MapScenariosApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/scenarios").WithTags("Scenarios").RequireAuthorization(AuthConfiguration.AnyRolePolicy);
        group.MapGet("/", ListAsync).WithSummary("The scenarios you may use.");
        group.MapGet("/{id}", GetAsync).WithSummary("A scenario.")
            .RequireScenario(AccessPolicy.CanUseScenario, "is outside your scope");
        // A new scenario's access follows from its body (its owner), so the handler checks it after validating the body.
        group.MapPost("/", CreateAsync).WithSummary("Prepare a scenario for your region (operator) or grid (grid lead).");
        group.MapPut("/{id}", UpdateAsync).WithSummary("Replace a scenario you own.")
            .RequireScenario((caller, owner, _) => AccessPolicy.CanManageScenario(caller, owner), "belongs to another region or grid");
        return group;
    }

    /// <summary>
    /// Runs the handler only for a caller <paramref name="allowed"/> lets at the scenario the route's <c>{id}</c> names,
    /// given its owner and where the caller's scope hangs: 404 when it does not exist, else 403 saying it <paramref name="isNot"/>.
    /// Leaves the scenario and its owner to the handler.
    /// </summary>
    private static RouteHandlerBuilder RequireScenario(this RouteHandlerBuilder endpoint, Func<Caller, AccessTarget, AccessTarget, bool> allowed, string isNot) =>
        endpoint.Require(async (http, id) =>
        {
            if (await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IScenarioGrain>(id).GetAsync() is not { } scenario)
            {
                return (AccessRefusal)ApiResults.NotFound($"Scenario '{id}' does not exist.");
            }

            var scopes = http.RequestServices.GetRequiredService<ScopeResolver>();
            var caller = Caller.From(http.User)!;
            var owner = await OwnerOfAsync(scenario.Definition, scopes);
            if (!allowed(caller, owner, await EmergencyGate.PlaceOfAsync(caller, scopes)))
            {
                return ApiResults.Forbidden($"Scenario '{id}' {isNot}.");
            }

            http.Items[typeof(ScenarioSnapshot)] = scenario;
            http.Items[typeof(AccessTarget)] = owner;
            return null;
        });

    /// <summary>The scenario the access filter of the request read and let through.</summary>
    private static ScenarioSnapshot Scenario(this HttpContext http) => (ScenarioSnapshot)http.Items[typeof(ScenarioSnapshot)]!;

    /// <summary>The owner of a scenario as an access target: its center's path, or its grid's.</summary>
    internal static Task<AccessTarget> OwnerOfAsync(ScenarioDefinition definition, ScopeResolver scopes) =>
        OwnerOfAsync(definition.OwnerCenterId, definition.OwnerGridId, scopes);

    private static Task<AccessTarget> OwnerOfAsync(string? centerId, string? gridId, ScopeResolver scopes) => (centerId, gridId) switch
    {
        (_, { } grid) => scopes.ForGridAsync(grid),
        ({ } center, _) => scopes.ForCenterAsync(center),
        _ => Task.FromResult(new AccessTarget([])),
    };

    private static async Task<Ok<List<ScenarioEntry>>> ListAsync(HttpContext http, ScopeResolver scopes, IGrainFactory grains)
    {
        var caller = Caller.From(http.User)!;
        var place = await EmergencyGate.PlaceOfAsync(caller, scopes);
        var visible = new List<ScenarioEntry>();
        foreach (var entry in await grains.GetGrain<IScenarioCatalogGrain>(0).ListAsync())
        {
            var owner = await OwnerOfAsync(entry.OwnerCenterId, entry.OwnerGridId, scopes);
            if (AccessPolicy.CanUseScenario(caller, owner, place))
            {
                visible.Add(entry);
            }
        }

        return TypedResults.Ok(visible);
    }

    private static Ok<ScenarioSnapshot> GetAsync(HttpContext http) => TypedResults.Ok(http.Scenario());

    private static async Task<Results<Created<ScenarioSnapshot>, ValidationProblem, ForbiddenProblem, StateRefusal, ConflictProblem>> CreateAsync(ScenarioRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit)
    {
        var caller = Caller.From(http.User)!;
        var v = new Validation();
        var id = v.Id("id", request.Id);
        var definition = request.ToDefinition(v, caller.Role == Role.Operator ? caller.ScopeId : null, caller.Role == Role.GridLead ? caller.ScopeId : null);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var owner = await OwnerOfAsync(definition, scopes);
        if (!AccessPolicy.CanManageScenario(caller, owner))
        {
            return ApiResults.Forbidden("Scenarios are prepared by an operator for its region or a grid lead for its grid.");
        }

        var scenario = grains.GetGrain<IScenarioGrain>(id);
        if (await scenario.GetAsync() is not null)
        {
            return ApiResults.Conflict($"Scenario '{id}' already exists.");
        }

        if (ApiResults.Refusal(await scenario.SaveAsync(definition)) is { } failed)
        {
            return failed;
        }

        await audit.RecordAsync(http, AuditActions.ScenarioCreated, $"scenario:{id}", owner);
        return TypedResults.Created($"/api/v1/scenarios/{id}", (await scenario.GetAsync())!);
    }

    private static async Task<Results<Ok<ScenarioSnapshot>, ValidationProblem, ConflictProblem>> UpdateAsync(string id, ScenarioRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit)
    {
        var v = new Validation();
        v.SamePathId(request.Id, id);

        var existing = http.Scenario();
        var definition = request.ToDefinition(v, existing.Definition.OwnerCenterId, existing.Definition.OwnerGridId);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var scenario = grains.GetGrain<IScenarioGrain>(id);
        var result = await scenario.SaveAsync(definition);
        if (result.Outcome == RegistryOutcome.Conflict)
        {
            return ApiResults.Conflict(result.Detail);
        }

        await audit.RecordAsync(http, AuditActions.ScenarioUpdated, $"scenario:{id}", http.Target());
        return TypedResults.Ok((await scenario.GetAsync())!);
    }
}
