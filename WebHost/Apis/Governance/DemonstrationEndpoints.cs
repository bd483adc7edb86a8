using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.WebHost.Security;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>City demonstration centers, chosen every two years from the centers the committee rated 5 stars.</summary>
internal static class DemonstrationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/regions/{id}/demonstration/{year:int}", GetAsync)
            .WithSummary("A region's demonstration selection for a year, and the 5-star centers it may choose from.")
            .Produces<DemonstrationView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        group.MapPut("/regions/{id}/demonstration/{year:int}", SelectAsync)
            .WithSummary("Record a region's demonstration centers for a selection year; every one must be rated 5 stars by the committee.")
            .Produces<DemonstrationView>().Produces<DemonstrationView>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> GetAsync(string id, int year, HttpContext http, ScopeResolver scopes, IGrainFactory grains, TimeProvider clock)
    {
        if (RatingYears.Check(year, clock) is { } badYear)
        {
            return badYear;
        }

        if (GovernanceAccess.CheckRead(http, await scopes.ForCenterAsync(id), $"region '{id}'") is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(await ViewAsync(grains, id, year));
    }

    private static async Task<IResult> SelectAsync(string id, int year, DemonstrationRequest request, HttpContext http, ScopeResolver scopes, IGrainFactory grains, TimeProvider clock)
    {
        if (RatingYears.Check(year, clock) is { } badYear)
        {
            return badYear;
        }

        var v = new Validation();
        if (request.CenterIds is null or { Count: 0 })
        {
            v.Add("centerIds", "Name at least one center.");
        }

        var centerIds = (request.CenterIds ?? []).Select((c, i) => v.Id($"centerIds[{i}]", c)).Distinct().ToList();
        var reason = v.Text("reason", request.Reason, 1000);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        if (GovernanceAccess.CheckDecide(http, await scopes.ForCenterAsync(id), $"region '{id}'") is { } refusal)
        {
            return refusal;
        }

        var selection = new DemonstrationSelection(year, centerIds, reason, Caller.From(http.User)!.Subject, clock.GetUtcNow());
        var result = await grains.GetGrain<IDemonstrationGrain>(GovernanceKeys.Demonstration(id, year)).SelectAsync(selection);
        return await ApiResults.FromAsync(result, async () => result.Outcome == RegistryOutcome.Created
            ? TypedResults.Created($"/api/v1/governance/regions/{id}/demonstration/{year}", await ViewAsync(grains, id, year))
            : TypedResults.Ok(await ViewAsync(grains, id, year)));
    }

    private static async Task<DemonstrationView> ViewAsync(IGrainFactory grains, string regionId, int year)
    {
        var model = StarRatingModel.Current;
        var centers = await CenterTreeReader.ReadSubtreeAsync(grains, regionId);
        var finals = await Task.WhenAll(centers.Select(async c =>
            (Center: c, Decisions: await grains.GetGrain<IStarRatingGrain>(GovernanceKeys.Rating(c.Id, year)).GetDecisionsAsync())));
        var candidates = finals
            .Where(f => f.Decisions.Count > 0 && f.Decisions[^1].Stars == 5)
            .Select(f => new DemonstrationCandidate(f.Center.Id, f.Center.Profile.Name, f.Decisions[^1].Reason))
            .ToList();
        var next = Enumerable.Range(Math.Max(year, model.FirstDemonstrationYear), model.DemonstrationEveryYears + 1).First(model.IsDemonstrationYear);
        var selection = await grains.GetGrain<IDemonstrationGrain>(GovernanceKeys.Demonstration(regionId, year)).GetAsync();
        return new DemonstrationView(regionId, year, model.IsDemonstrationYear(year), next, selection, candidates);
    }
}

/// <summary>A region's demonstration selection for a year and the centers eligible for it.</summary>
public sealed record DemonstrationView(
    string RegionId, int Year, bool IsSelectionYear, int NextSelectionYear, DemonstrationSelection? Selection, IReadOnlyList<DemonstrationCandidate> Candidates);

/// <summary>A center the committee rated 5 stars in the year, with the committee's reason.</summary>
public sealed record DemonstrationCandidate(string CenterId, string Name, string DecisionReason);
