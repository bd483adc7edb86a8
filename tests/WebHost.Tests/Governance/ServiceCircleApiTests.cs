using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Lianxin.WebHost.Tests.Governance;

[Collection(GovernanceWebCollection.Name)]
[Trait("Needs", "PostgreSQL")]
public sealed class ServiceCircleApiTests(GovernanceWebFactory factory)
{
    [Fact]
    public async Task DistrictCoverageCountsEveryResidentialPointOncePerStreetAndTown()
    {
        var auditor = await factory.ClientForAsync("auditor", "ld");

        var report = await auditor.GetJsonAsync("/api/v1/governance/regions/ld/service-circle");

        var totals = report.GetProperty("totals");
        Assert.Equal(1000, report.GetProperty("walkingDistanceMeters").GetDouble());
        Assert.Equal((1500, 65370), (totals.GetProperty("points").GetInt32(), totals.GetProperty("households").GetInt32()));
        var areas = report.GetProperty("areas").EnumerateArray().ToList();
        Assert.Equal(["ld-bj", "ld-dg", "ld-hy", "ld-st", "ld-xw"], areas.Select(a => a.GetProperty("areaId").GetString()));
        Assert.Equal(65370, areas.Sum(a => a.GetProperty("totals").GetProperty("households").GetInt32()));
        Assert.Equal(
            totals.GetProperty("points").GetInt32() - totals.GetProperty("coveredPoints").GetInt32(),
            report.GetProperty("uncovered").GetArrayLength());
        Assert.All(report.GetProperty("uncovered").EnumerateArray(), u => Assert.True(u.GetProperty("nearestSiteMeters").GetDouble() > 1000));
    }

    [Fact]
    public async Task LongerWalkingDistanceCoversAtLeastAsManyHouseholdsAndBadDistancesAreRefused()
    {
        var auditor = await factory.ClientForAsync("auditor", "ld");

        var standard = await auditor.GetJsonAsync("/api/v1/governance/regions/ld/service-circle");
        var longer = await auditor.GetJsonAsync("/api/v1/governance/regions/ld/service-circle?walkingDistanceMeters=2000");

        Assert.True(
            longer.GetProperty("totals").GetProperty("coveredHouseholds").GetInt32() >= standard.GetProperty("totals").GetProperty("coveredHouseholds").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, await auditor.StatusOfAsync("/api/v1/governance/regions/ld/service-circle?walkingDistanceMeters=5"));
        Assert.Equal(HttpStatusCode.BadRequest, await auditor.StatusOfAsync("/api/v1/governance/regions/ld/service-circle/proposal?latitude=95&longitude=121"));
    }

    [Fact]
    public async Task ProposedSiteAtTheLargestUncoveredPointCoversIt()
    {
        var auditor = await factory.ClientForAsync("auditor", "ld");
        var report = await auditor.GetJsonAsync("/api/v1/governance/regions/ld/service-circle");
        var largest = report.GetProperty("uncovered")[0];
        var location = largest.GetProperty("location");
        var query = FormattableString.Invariant($"latitude={location.GetProperty("latitude").GetDouble()}&longitude={location.GetProperty("longitude").GetDouble()}");

        var proposal = await auditor.GetJsonAsync($"/api/v1/governance/regions/ld/service-circle/proposal?{query}");
        var csv = await auditor.GetStringAsync($"/api/v1/governance/regions/ld/service-circle/proposal.csv?{query}").WaitAsync(GovernanceWebFactory.Deadline);

        Assert.True(proposal.GetProperty("addedHouseholds").GetInt32() >= largest.GetProperty("households").GetInt32());
        Assert.Contains(proposal.GetProperty("newlyCovered").EnumerateArray(), p => p.GetProperty("id").GetString() == largest.GetProperty("id").GetString());
        Assert.Contains(largest.GetProperty("id").GetString()!, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreetCoverageCountsOnlyItsOwnResidentsButAnyNearbySite()
    {
        var street = await factory.ClientForAsync("operator", "ld-dg");

        var report = await street.GetJsonAsync("/api/v1/governance/regions/ld-dg/service-circle");

        Assert.Equal(["ld-dg"], report.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("areaId").GetString()));
        // The 55 centers and stations; the 60 kiosks stand at their centers and are not sites of their own.
        Assert.Equal(55, report.GetProperty("sites").GetInt32());
    }

    [Fact]
    public async Task MapLayerHoldsSitesAndResidentialPointsAsGeoJson()
    {
        var auditor = await factory.ClientForAsync("auditor", "ld");

        var response = await auditor.GetAsync("/api/v1/governance/regions/ld/service-circle.geojson").WaitAsync(GovernanceWebFactory.Deadline);
        var layer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FeatureCollection", layer.GetProperty("type").GetString());
        var features = layer.GetProperty("features").EnumerateArray().ToList();
        var sites = features.Where(f => f.GetProperty("properties").GetProperty("layer").GetString() == "site").ToList();
        Assert.Equal(55, sites.Count);
        Assert.Equal(1500, features.Count(f => f.GetProperty("properties").GetProperty("layer").GetString() == "residential"));
        var circle = sites[0].GetProperty("geometry");
        Assert.Equal("Polygon", circle.GetProperty("type").GetString());
        var ring = circle.GetProperty("coordinates")[0].EnumerateArray().Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
        Assert.Equal(ring[0], ring[^1]);
        var center = (Lat: sites[0].GetProperty("properties").GetProperty("latitude").GetDouble(), Lon: sites[0].GetProperty("properties").GetProperty("longitude").GetDouble());
        Assert.All(ring, p => Assert.InRange(Meters(center.Lat, center.Lon, p.Lat, p.Lon), 999.0, 1001.0));
        Assert.InRange(ring[0].Lon, 120.9, 121.4);
    }

    [Fact]
    public async Task ProposalsOutsideTheDistrictAreRefusedWithTheReason()
    {
        var auditor = await factory.ClientForAsync("auditor", "ld");

        var response = await auditor.GetAsync("/api/v1/governance/regions/ld/service-circle/proposal?latitude=31.23&longitude=121.47").WaitAsync(GovernanceWebFactory.Deadline);
        var plan = await auditor.GetAsync("/api/v1/governance/regions/ld/service-circle/best-sites?candidates=31.23,121.47").WaitAsync(GovernanceWebFactory.Deadline);

        await ProblemAssert.HasFieldErrorAsync(response, "latitude");
        Assert.Contains("outside the district", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await ProblemAssert.HasFieldErrorAsync(plan, "candidates");
    }

    [Fact]
    public async Task BestSitesCoverTheMostUncoveredHouseholdsEachAddingLessThanTheOneBefore()
    {
        var auditor = await factory.ClientForAsync("auditor", "ld");
        var report = await auditor.GetJsonAsync("/api/v1/governance/regions/ld/service-circle");

        var plan = await auditor.GetJsonAsync("/api/v1/governance/regions/ld/service-circle/best-sites?count=3");

        var picks = plan.GetProperty("sites").EnumerateArray().ToList();
        Assert.Equal(3, picks.Count);
        var added = picks.Select(p => p.GetProperty("addedHouseholds").GetInt32()).ToList();
        Assert.All(added, a => Assert.True(a > 0));
        Assert.Equal(added.OrderDescending(), added);
        var before = plan.GetProperty("before").GetProperty("coveredHouseholds").GetInt32();
        Assert.Equal(report.GetProperty("totals").GetProperty("coveredHouseholds").GetInt32(), before);
        Assert.Equal(before + added.Sum(), plan.GetProperty("after").GetProperty("coveredHouseholds").GetInt32());
        var uncovered = report.GetProperty("uncovered").EnumerateArray().Select(u => u.GetProperty("id").GetString()).ToHashSet();
        Assert.All(picks.SelectMany(p => p.GetProperty("newlyCoveredPointIds").EnumerateArray()), id => Assert.Contains(id.GetString(), uncovered));
    }

    [Fact]
    public async Task ResidentialRegistryHoldsACommunitysHouseholdsAndRefusesBadPointsWithoutChange()
    {
        var staff = await factory.ClientForAsync("staff", "ld-dg-c02");
        var auditor = await factory.ClientForAsync("auditor", "ld");
        var path = "/api/v1/governance/centers/ld-dg-c02/residential-points";
        var before = await staff.GetJsonAsync(path);

        var invalid = await staff.PutAsJsonAsync(path, new
        {
            points = new object[]
            {
                new { id = "x-1", location = new { latitude = 27.7, longitude = 121.1 }, households = -1 },
                new { id = "x-1", location = new { latitude = 27.7, longitude = 121.1 }, households = 3 },
            },
        }).WaitAsync(GovernanceWebFactory.Deadline);
        var byAuditor = await auditor.PutAsJsonAsync(path, new { points = Array.Empty<object>() }).WaitAsync(GovernanceWebFactory.Deadline);
        var after = await staff.GetJsonAsync(path);

        Assert.Equal(2995, before.GetProperty("households").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("points[0].households", out _));
        Assert.True(errors.TryGetProperty("points", out _));
        Assert.Equal(HttpStatusCode.Forbidden, byAuditor.StatusCode);
        Assert.Equal(before.GetProperty("points").GetArrayLength(), after.GetProperty("points").GetArrayLength());
    }

    private static double Meters(double lat1, double lon1, double lat2, double lon2) =>
        Lianxin.Governance.GeoDistance.Meters(new Lianxin.Common.GeoPoint(lat1, lon1), new Lianxin.Common.GeoPoint(lat2, lon2));
}
