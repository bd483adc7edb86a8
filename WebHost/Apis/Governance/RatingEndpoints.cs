using Lianxin.Centers;
using Lianxin.Governance;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>The annual star rating: the model, a center's computed rating and decisions, and a region's table.</summary>
internal static class RatingEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/rating-model", GetModel)
            .WithSummary("The star-rating indicator model in force: three levels of indicators, weights, thresholds, targets.");
        group.MapGet("/centers/{id}/ratings/{year:int}", GetCenterAsync)
            .WithSummary("A center's rating for a year: every indicator's contribution, the committee's decisions, the final stars.")
            .RequireRatingYear().RequireGovernanceRead(GovernanceAccess.Center);
        group.MapGet("/centers/{id}/ratings/{year:int}.csv", GetCenterCsvAsync)
            .WithSummary("A center's rating for a year, one row per measure (CSV).")
            .Produces(200, contentType: "text/csv").RequireRatingYear().RequireGovernanceRead(GovernanceAccess.Center);
        group.MapPost("/centers/{id}/ratings/{year:int}/decisions", DecideAsync)
            .WithSummary("Record the rating committee's final decision (may differ from the computed score) with a reason.")
            .RequireRatingYear().Require(GovernanceAccess.Center, GovernanceAccess.CheckDecide);
        group.MapGet("/regions/{id}/ratings/{year:int}", GetRegionAsync)
            .WithSummary("Every center of a region with its score, computed and final stars.")
            .RequireRatingYear().RequireGovernanceRead(GovernanceAccess.Region);
        group.MapGet("/regions/{id}/ratings/{year:int}.csv", GetRegionCsvAsync)
            .WithSummary("Every center of a region with its score, stars and the points of every measure (CSV).")
            .Produces(200, contentType: "text/csv").RequireRatingYear().RequireGovernanceRead(GovernanceAccess.Region);
    }

    private static Results<Ok<StarRatingModel>, ForbiddenProblem> GetModel(HttpContext http) =>
        Caller.From(http.User) is { } caller && GovernanceAccess.CanReadModel(caller)
            ? TypedResults.Ok(StarRatingModel.Current)
            : ApiResults.Forbidden("The rating model is for operators, auditors and staff.");

    private static async Task<Results<Ok<CenterRating>, NotFoundProblem>> GetCenterAsync(string id, int year, IGrainFactory grains) =>
        await ReadCenterAsync(id, grains) is { } center
            ? TypedResults.Ok(await CenterRating.ReadAsync(grains, center, year))
            : CenterNotFound(id);

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> GetCenterCsvAsync(string id, int year, IGrainFactory grains)
    {
        if (await ReadCenterAsync(id, grains) is not { } center)
        {
            return CenterNotFound(id);
        }

        var rating = await CenterRating.ReadAsync(grains, center, year);
        var rows = rating.Computed.Dimensions.SelectMany(d => d.Indicators.SelectMany(i => i.Measures.Select(m => (IReadOnlyList<object?>)
            [d.Code, d.Name, i.Code, i.Name, m.Code, m.Name, m.NameZh, m.Weight, m.Fraction, m.Points, m.Fraction is null, m.Evidence])));
        return Csv.File(
            $"rating-{id}-{year}.csv",
            ["dimension", "dimensionName", "indicator", "indicatorName", "measure", "measureName", "measureNameZh", "weight", "fraction", "points", "noEvidence", "evidence"],
            rows);
    }

    private static async Task<Results<Created<CenterRating>, ValidationProblem, NotFoundProblem>> DecideAsync(
        string id, int year, RatingDecisionRequest request, HttpContext http, IGrainFactory grains, AuditTrail audit, TimeProvider clock)
    {
        var v = new Validation();
        var stars = v.Required("stars", request.Stars);
        if (request.Stars is not null && !RatingDecision.AllowedStars.Contains(stars))
        {
            v.Add("stars", "Must be 5, 4 or 3, or 0 for no star rating.");
        }

        var reason = v.Text("reason", request.Reason, 1000);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var center = await grains.GetGrain<ICenterGrain>(id).GetAsync();
        if (center is null)
        {
            return CenterNotFound(id);
        }

        var computed = StarRatingCalculator.Compute(StarRatingModel.Current, await grains.GetGrain<IGovernanceQueryGrain>(0).CollectEvidenceAsync(center, year));
        var caller = Caller.From(http.User)!;
        var decision = new RatingDecision(stars, reason, caller.Subject, clock.GetUtcNow(), computed.Stars, computed.Score, computed.ModelVersion, caller.RoleName);
        if (await grains.GetGrain<IStarRatingGrain>(GovernanceKeys.Rating(id, year)).RecordDecisionAsync(decision) == 0)
        {
            v.Add("decisions", $"The {year} rating of center '{id}' holds the most decisions it may ({RatingDecision.MaxPerYear}).");
            return ApiResults.Invalid(v);
        }

        await audit.RecordAsync(http, AuditActions.RatingDecided, $"rating:{id}@{year}", http.Target(), reason, $"{stars} stars (computed {computed.Stars}, score {computed.Score})");
        return TypedResults.Created($"/api/v1/governance/centers/{id}/ratings/{year}", await CenterRating.ReadAsync(grains, center, year));
    }

    private static async Task<Ok<RegionRatings>> GetRegionAsync(string id, int year, IGrainFactory grains)
    {
        var rows = (await ReadRegionAsync(id, year, grains)).Select(r => new RegionRatingRow(
            r.CenterId, r.Name, r.Level, r.Computed.Score, r.Computed.Stars, r.FinalStars, r.FinalFrom, r.Decision?.Reason, r.Computed.MissingEvidence.Count)).ToList();
        var byStars = RatingDecision.AllowedStars.ToDictionary(s => s, s => rows.Count(r => r.FinalStars == s));
        return TypedResults.Ok(new RegionRatings(id, year, StarRatingModel.Current.Version, byStars, rows));
    }

    private static async Task<FileContentHttpResult> GetRegionCsvAsync(string id, int year, IGrainFactory grains)
    {
        var ratings = await ReadRegionAsync(id, year, grains);
        var measures = StarRatingModel.Current.Measures.Select(m => m.Code).ToList();
        return Csv.File(
            $"ratings-{id}-{year}.csv",
            ["centerId", "name", "level", "year", "modelVersion", "score", "computedStars", "finalStars", "finalFrom", "decisionReason", "missingEvidence", .. measures],
            ratings.Select(r => (IReadOnlyList<object?>)
            [
                r.CenterId, r.Name, r.Level, r.Year, r.Computed.ModelVersion, r.Computed.Score, r.Computed.Stars, r.FinalStars, r.FinalFrom,
                r.Decision?.Reason, string.Join("; ", r.Computed.MissingEvidence),
                .. r.Computed.Dimensions.SelectMany(d => d.Indicators).SelectMany(i => i.Measures).Select(m => (object?)m.Points),
            ]));
    }

    // The access filter found the center in the directory; the center itself may still be gone.
    private static Task<CenterSnapshot?> ReadCenterAsync(string id, IGrainFactory grains) => grains.GetGrain<ICenterGrain>(id).GetAsync();

    private static NotFoundProblem CenterNotFound(string id) => ApiResults.NotFound($"center '{id}' does not exist.");

    private static async Task<IReadOnlyList<CenterRating>> ReadRegionAsync(string id, int year, IGrainFactory grains)
    {
        var centers = await grains.GetGrain<IGovernanceQueryGrain>(0).ReadSubtreeAsync(id);
        return await Task.WhenAll(centers.Select(c => CenterRating.ReadAsync(grains, c, year)));
    }
}

/// <summary>A region's ratings for a year: how many centers have each final star level, and every center's row.</summary>
public sealed record RegionRatings(string RegionId, int Year, string ModelVersion, IReadOnlyDictionary<int, int> CentersByFinalStars, IReadOnlyList<RegionRatingRow> Centers);

/// <summary>One center of a region's rating table.</summary>
public sealed record RegionRatingRow(
    string CenterId, string Name, CenterLevel Level, double Score, int ComputedStars, int FinalStars, string FinalFrom, string? DecisionReason, int MissingEvidence);
