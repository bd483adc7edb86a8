using Lianxin.Centers;
using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>City demonstration centers, chosen every two years from the centers the committee rated 5 stars.</summary>
internal static class DemonstrationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/regions/{id}/demonstration/{year:int}", GetAsync)
            .WithSummary("A region's demonstration selection for a year, and the 5-star centers it may choose from.")
            .RequireRatingYear().RequireGovernanceRead(GovernanceAccess.Region);
        // The picks belong to the level above every center picked: an operator whose region holds the region (checked here)
        // and each center below its own scope (checked by the handler, as the centers are the body's).
        group.MapPut("/regions/{id}/demonstration/{year:int}", SelectAsync)
            .WithSummary("Record a region's demonstration centers for a selection year; every one must be rated 5 stars by the committee.")
            .RequireRatingYear()
            .Require(GovernanceAccess.Region, (http, region, what) => ApiResults.Check(
                http, region, what, (c, r) => c.Role == Role.Operator && r.CenterPath.Contains(c.ScopeId),
                $"Demonstration centers of {what} are chosen by the operators of the street or district that holds it."));
    }

    private static async Task<Ok<DemonstrationView>> GetAsync(string id, int year, IGrainFactory grains) =>
        TypedResults.Ok(await ViewAsync(grains, id, year));

    /// <summary>Most centers one selection may name: a region's 5-star centers of a year are few.</summary>
    private const int MaxCenters = 200;

    private static async Task<Results<Created<DemonstrationView>, Ok<DemonstrationView>, ValidationProblem, ForbiddenProblem, StateRefusal>> SelectAsync(
        string id, int year, DemonstrationRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, AuditTrail audit, TimeProvider clock)
    {
        var v = new Validation();
        if (request.CenterIds is null or { Count: 0 })
        {
            v.Add("centerIds", "Name at least one center.");
        }
        else if (request.CenterIds.Count > MaxCenters)
        {
            v.Add("centerIds", $"Name at most {MaxCenters} centers.");
        }

        var centerIds = (request.CenterIds ?? []).Select((c, i) => v.Id($"centerIds[{i}]", c)).Distinct().ToList();
        var reason = v.Text("reason", request.Reason, 1000);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var region = http.Target();
        var caller = Caller.From(http.User)!;
        foreach (var centerId in centerIds)
        {
            var center = await scopes.ForCenterAsync(centerId);
            if (center.CenterPath.Count > 0 && !GovernanceAccess.CanDecide(caller, center))
            {
                return ApiResults.Forbidden($"Center '{centerId}' is not below your region '{caller.ScopeId}': a center is chosen by the level above it, never by itself.");
            }
        }

        var selection = new DemonstrationSelection(year, centerIds, reason, caller.Subject, clock.GetUtcNow(), caller.RoleName);
        var result = await grains.GetGrain<IDemonstrationGrain>(GovernanceKeys.Demonstration(id, year)).SelectAsync(selection);
        if (result.Outcome is RegistryOutcome.Created or RegistryOutcome.Updated)
        {
            await audit.RecordAsync(http, AuditActions.DemonstrationSelected, $"demonstration:{id}@{year}", region, reason, string.Join(",", centerIds));
        }

        if (ApiResults.Refusal(result) is { } failed)
        {
            return failed;
        }

        var view = await ViewAsync(grains, id, year);
        return result.Outcome == RegistryOutcome.Created ? TypedResults.Created($"/api/v1/governance/regions/{id}/demonstration/{year}", view) : TypedResults.Ok(view);
    }

    private static async Task<DemonstrationView> ViewAsync(IGrainFactory grains, string regionId, int year)
    {
        var model = StarRatingModel.Current;
        var centers = await grains.GetGrain<IGovernanceQueryGrain>(0).ReadSubtreeAsync(regionId);
        var finals = await Task.WhenAll(centers.Select(async c =>
            (Center: c, Decisions: await grains.GetGrain<IStarRatingGrain>(GovernanceKeys.Rating(c.Id, year)).GetDecisionsAsync())));
        var candidates = finals
            .Where(f => f.Decisions.Count > 0 && f.Decisions[^1].Stars == 5)
            .Select(f => new DemonstrationCandidate(f.Center.Id, f.Center.Profile.Name, f.Decisions[^1].Reason))
            .ToList();
        var next = Enumerable.Range(Math.Max(year, model.FirstDemonstrationYear), model.DemonstrationEveryYears + 1).First(model.IsDemonstrationYear);
        var selection = await grains.GetGrain<IDemonstrationGrain>(GovernanceKeys.Demonstration(regionId, year)).GetAsync();
        var selections = await SelectionsHoldingAsync(grains, regionId, centers, year);
        return new DemonstrationView(
            regionId, year, model.IsDemonstrationYear(year), next, selection, candidates, selections,
            [.. selections.SelectMany(s => s.CenterIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Every selection of the year that picked a center of the region, whichever region recorded it (one above, the
    /// region itself, or one below), each cut to the region's centers: a pick is visible from every region above it.
    /// </summary>
    private static async Task<IReadOnlyList<RegionalSelection>> SelectionsHoldingAsync(
        IGrainFactory grains, string regionId, IReadOnlyList<CenterSnapshot> centers, int year)
    {
        var inside = centers.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var recorders = (await CenterAncestry.GetPathToRootAsync(grains, regionId)).Concat(inside).Distinct(StringComparer.Ordinal).ToList();
        var found = await Task.WhenAll(recorders.Select(async r => (Region: r, Selection: await grains.GetGrain<IDemonstrationGrain>(GovernanceKeys.Demonstration(r, year)).GetAsync())));
        return [.. found
            .Where(f => f.Selection is not null)
            .Select(f => new RegionalSelection(f.Region, [.. f.Selection!.CenterIds.Where(inside.Contains)], f.Selection.Reason, f.Selection.DecidedBy, f.Selection.DecidedByRole, f.Selection.DecidedAt))
            .Where(s => s.CenterIds.Count > 0)
            .OrderBy(s => s.RegionId, StringComparer.Ordinal)];
    }
}

/// <summary>
/// A region's demonstration selection for a year (<see cref="Selection"/>, the one recorded for the region itself), the
/// centers eligible for it, and every selection made at any level that picked one of the region's centers.
/// </summary>
public sealed record DemonstrationView(
    string RegionId,
    int Year,
    bool IsSelectionYear,
    int NextSelectionYear,
    DemonstrationSelection? Selection,
    IReadOnlyList<DemonstrationCandidate> Candidates,
    IReadOnlyList<RegionalSelection> Selections,
    IReadOnlyList<string> DemonstrationCenters);

/// <summary>A selection recorded for a region, cut to the centers of the region it is viewed from.</summary>
public sealed record RegionalSelection(
    string RegionId, IReadOnlyList<string> CenterIds, string Reason, string DecidedBy, string? DecidedByRole, DateTimeOffset DecidedAt);

/// <summary>A center the committee rated 5 stars in the year, with the committee's reason.</summary>
public sealed record DemonstrationCandidate(string CenterId, string Name, string DecisionReason);
