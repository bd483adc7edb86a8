using Lianxin.Common;
using Lianxin.Governance;
using Lianxin.WebHost.Governance;
using Lianxin.WebHost.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.WebHost.Apis.Governance;

/// <summary>
/// The 15-minute service circle of a region: the share of residential points and households within walking
/// distance of a center or station, per street and town; the points left out; what a proposed site adds; and the best
/// new sites (<see cref="SitePlanEndpoints"/>).
/// </summary>
internal static class ServiceCircleEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/regions/{id}/service-circle", GetAsync)
            .WithSummary("Coverage of a region's residential points and households within walking distance (default 1,000 m, great-circle).")
            .RequireGovernanceRead(GovernanceAccess.Region);
        group.MapGet("/regions/{id}/service-circle/areas.csv", GetAreasCsvAsync)
            .WithSummary("Coverage per street and town (CSV).")
            .Produces(200, contentType: "text/csv")
            .RequireGovernanceRead(GovernanceAccess.Region);
        group.MapGet("/regions/{id}/service-circle/uncovered.csv", GetUncoveredCsvAsync)
            .WithSummary("The residential points beyond walking distance of every site, with the nearest site (CSV).")
            .Produces(200, contentType: "text/csv")
            .RequireGovernanceRead(GovernanceAccess.Region);
        group.MapGet("/regions/{id}/service-circle/proposal", ProposeAsync)
            .WithSummary("What a proposed new site at latitude/longitude would add to the region's coverage.")
            .RequireGovernanceRead(GovernanceAccess.Region);
        group.MapGet("/regions/{id}/service-circle/proposal.csv", ProposeCsvAsync)
            .WithSummary("The residential points a proposed new site would newly cover (CSV).")
            .Produces(200, contentType: "text/csv")
            .RequireGovernanceRead(GovernanceAccess.Region);
        group.MapGet("/regions/{id}/service-circle.geojson", GetGeoJsonAsync)
            .WithSummary("The service circle as a map layer: sites with their radius, residential points marked covered or not (GeoJSON).")
            .Produces<GeoJsonFeatureCollection>(200, "application/geo+json")
            .RequireGovernanceRead(GovernanceAccess.Region);
        SitePlanEndpoints.Map(group);
    }

    private static Task<Results<Ok<CoverageReport>, ValidationProblem>> GetAsync(
        string id, double? walkingDistanceMeters, HttpContext http, IGrainFactory grains, GovernanceOptions options) =>
        ReadAsync(id, walkingDistanceMeters, http, grains, options, input => TypedResults.Ok(Compute(input)));

    private static Task<Results<FileContentHttpResult, ValidationProblem>> GetAreasCsvAsync(
        string id, double? walkingDistanceMeters, HttpContext http, IGrainFactory grains, GovernanceOptions options) =>
        ReadAsync(id, walkingDistanceMeters, http, grains, options, input =>
        {
            var report = Compute(input);
            return Csv.File(
                $"service-circle-areas-{id}.csv",
                ["areaId", "areaName", "walkingDistanceMeters", "points", "coveredPoints", "pointShare", "households", "coveredHouseholds", "householdShare"],
                report.Areas.Append(new AreaCoverage(id, "(total)", report.Totals)).Select(a => (IReadOnlyList<object?>)
                    [a.AreaId, a.AreaName, report.WalkingDistanceMeters, a.Totals.Points, a.Totals.CoveredPoints, a.Totals.PointShare, a.Totals.Households, a.Totals.CoveredHouseholds, a.Totals.HouseholdShare]));
        });

    private static Task<Results<FileContentHttpResult, ValidationProblem>> GetUncoveredCsvAsync(
        string id, double? walkingDistanceMeters, HttpContext http, IGrainFactory grains, GovernanceOptions options) =>
        ReadAsync(id, walkingDistanceMeters, http, grains, options, input => PointsCsv($"service-circle-uncovered-{id}.csv", Compute(input).Uncovered));

    private static async Task<Results<Results<Ok<SiteProposal>, ValidationProblem>, ValidationProblem>> ProposeAsync(
        string id, double? latitude, double? longitude, double? walkingDistanceMeters, HttpContext http, IGrainFactory grains, GovernanceOptions options)
    {
        if (CheckSite(latitude, longitude) is { } invalid)
        {
            return invalid;
        }

        return await ReadAsync(id, walkingDistanceMeters, http, grains, options, input =>
            CheckInDistrict(input, latitude!.Value, longitude!.Value) is { } outside
                ? (Results<Ok<SiteProposal>, ValidationProblem>)outside
                : TypedResults.Ok(Propose(input, latitude.Value, longitude.Value)));
    }

    private static async Task<Results<Results<FileContentHttpResult, ValidationProblem>, ValidationProblem>> ProposeCsvAsync(
        string id, double? latitude, double? longitude, double? walkingDistanceMeters, HttpContext http, IGrainFactory grains, GovernanceOptions options)
    {
        if (CheckSite(latitude, longitude) is { } invalid)
        {
            return invalid;
        }

        return await ReadAsync(id, walkingDistanceMeters, http, grains, options, input =>
            CheckInDistrict(input, latitude!.Value, longitude!.Value) is { } outside
                ? (Results<FileContentHttpResult, ValidationProblem>)outside
                : PointsCsv($"service-circle-proposal-{id}.csv", Propose(input, latitude.Value, longitude.Value).NewlyCovered));
    }

    private static Task<Results<JsonHttpResult<GeoJsonFeatureCollection>, ValidationProblem>> GetGeoJsonAsync(
        string id, double? walkingDistanceMeters, HttpContext http, IGrainFactory grains, GovernanceOptions options) =>
        ReadAsync(id, walkingDistanceMeters, http, grains, options, input =>
            TypedResults.Json(GeoJsonFeatureCollection.From(Compute(input), input.Points, input.Sites), contentType: "application/geo+json"));

    /// <summary>A site proposed outside the district is refused: it would serve none of its residents.</summary>
    private static ValidationProblem? CheckInDistrict(CircleInput input, double latitude, double longitude)
    {
        if (input.District.Contains(new GeoPoint(latitude, longitude)))
        {
            return null;
        }

        var v = new Validation();
        v.Add("latitude", FormattableString.Invariant(
            $"({latitude}, {longitude}) is outside the district: farther than {input.Meters} m from every site and residential point and outside the area they span."));
        return ApiResults.Invalid(v);
    }

    private static CoverageReport Compute(CircleInput input) => ServiceCircleCalculator.Compute(input.Points, input.Sites, input.Meters);

    private static SiteProposal Propose(CircleInput input, double latitude, double longitude) =>
        ServiceCircleCalculator.Propose(
            input.Points, input.Sites, new ServiceSite("proposed", "Proposed site", ServiceSiteKind.Proposed, new GeoPoint(latitude, longitude)), input.Meters);

    private static FileContentHttpResult PointsCsv(string fileName, IEnumerable<UncoveredPoint> points) => Csv.File(
        fileName,
        ["pointId", "gridId", "centerId", "areaId", "latitude", "longitude", "households", "nearestSiteId", "nearestSiteMeters"],
        points.Select(u => (IReadOnlyList<object?>)
            [u.Id, u.GridId, u.CenterId, u.AreaId, u.Location.Latitude, u.Location.Longitude, u.Households, u.NearestSiteId, u.NearestSiteMeters]));

    private static ValidationProblem? CheckSite(double? latitude, double? longitude)
    {
        var v = new Validation();
        if (latitude is not { } lat || !double.IsFinite(lat) || lat is < -90 or > 90)
        {
            v.Add("latitude", "Is required: a WGS84 latitude, -90 to 90.");
        }

        if (longitude is not { } lon || !double.IsFinite(lon) || lon is < -180 or > 180)
        {
            v.Add("longitude", "Is required: a WGS84 longitude, -180 to 180.");
        }

        return v.IsValid ? null : ApiResults.Invalid(v);
    }

    /// <summary>
    /// Checks the walking distance, then answers from the region's service circle
    /// with <paramref name="answer"/>.
    /// </summary>
    internal static async Task<Results<TAnswer, ValidationProblem>> ReadAsync<TAnswer>(
        string id, double? walkingDistanceMeters, HttpContext http, IGrainFactory grains, GovernanceOptions options,
        Func<CircleInput, TAnswer> answer)
        where TAnswer : IResult
    {
        var meters = walkingDistanceMeters ?? options.WalkingDistanceMeters;
        if (!double.IsFinite(meters) || meters is < WalkingDistance.Min or > WalkingDistance.Max)
        {
            var v = new Validation();
            v.Add("walkingDistanceMeters", $"Must be between {WalkingDistance.Min} and {WalkingDistance.Max} m.");
            return ApiResults.Invalid(v);
        }

        var (points, sites) = await grains.GetGrain<IGovernanceQueryGrain>(0).ReadServiceCircleAsync(id, http.Target().CenterPath);
        return answer(new CircleInput(points, sites, meters));
    }

    internal sealed record CircleInput(IReadOnlyList<PlacedPoint> Points, IReadOnlyList<ServiceSite> Sites, double Meters)
    {
        /// <summary>Where the district lies: its sites and the region's residential points, widened by the walking distance.</summary>
        public DistrictExtent District { get; } = new(Sites.Select(s => s.Location).Concat(Points.Select(p => p.Point.Location)), Meters);
    }
}
