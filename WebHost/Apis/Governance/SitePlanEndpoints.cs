using System.Globalization;
using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.WebHost.Governance;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>
/// The best new sites for a region's service circle: the <c>count</c> locations, from candidate points or a grid over
/// the district, that together cover the most households no site reaches today (<see cref="SitePlanner"/>).
/// </summary>
internal static class SitePlanEndpoints
{
    private const int MaxSites = 20;

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/regions/{id}/service-circle/best-sites", PlanAsync)
            .WithSummary("The best k new sites (from candidates=lat,lon;lat,lon… or a grid spacingMeters apart over the district) and the households each adds.")
            .RequireGovernanceRead(GovernanceAccess.Region);

    private static async Task<Results<Results<Ok<SitePlan>, ValidationProblem>, ValidationProblem>> PlanAsync(
        string id, int? count, string? candidates, double? spacingMeters, double? walkingDistanceMeters,
        HttpContext http, IGrainFactory grains, GovernanceOptions options)
    {
        var v = new Validation();
        var k = count ?? 3;
        if (k is < 1 or > MaxSites)
        {
            v.Add("count", $"Must be 1 to {MaxSites}.");
        }

        var given = candidates is null ? null : ParseCandidates(v, candidates);
        if (spacingMeters is { } s && (!double.IsFinite(s) || s is < 100 or > 5000))
        {
            v.Add("spacingMeters", "Must be between 100 and 5000 m.");
        }

        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        return await ServiceCircleEndpoints.ReadAsync(id, walkingDistanceMeters, http, grains, options, input => Plan(input, v, given, k, spacingMeters));
    }

    private static Results<Ok<SitePlan>, ValidationProblem> Plan(ServiceCircleEndpoints.CircleInput input, Validation v, List<GeoPoint>? given, int k, double? spacingMeters)
    {
        var outside = given?.Select((c, i) => (c, i)).Where(x => !input.District.Contains(x.c)).Select(x => x.i).ToList() ?? [];
        if (outside.Count > 0)
        {
            v.Add("candidates", $"Candidates {string.Join(", ", outside.Select(i => i + 1))} lie outside the district (farther than {input.Meters} m from every site and residential point).");
            return ApiResults.Invalid(v);
        }

        // Half the walking distance apart: no household lies farther than that from some candidate's reach.
        var pool = given ?? SitePlanner.GridOver(input.District, spacingMeters ?? input.Meters / 2);
        if (pool.Count > SitePlanner.MaxCandidates)
        {
            v.Add("spacingMeters", $"The grid would hold {pool.Count} candidates; at most {SitePlanner.MaxCandidates}: space them farther apart.");
            return ApiResults.Invalid(v);
        }

        return TypedResults.Ok(SitePlanner.Plan(input.Points, input.Sites, pool, k, input.Meters));
    }

    private static List<GeoPoint>? ParseCandidates(Validation v, string text)
    {
        var result = new List<GeoPoint>();
        var parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > SitePlanner.MaxCandidates)
        {
            v.Add("candidates", $"Give 1 to {SitePlanner.MaxCandidates} points as lat,lon;lat,lon.");
            return null;
        }

        foreach (var part in parts)
        {
            var xy = part.Split(',');
            if (xy.Length != 2
                || !double.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(xy[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || !new GeoPoint(lat, lon).IsValid)
            {
                v.Add("candidates", $"'{part}' is not a WGS84 point written lat,lon.");
                return null;
            }

            result.Add(new GeoPoint(lat, lon));
        }

        return result;
    }
}
