using Lianxin.Common;
using Lianxin.Governance;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

/// <summary>
/// A hand-checked geometry. One site at 27.7 N 121.1 E. A degree of latitude is 6,371,008.8 m × π / 180 =
/// 111,195.08 m; a degree of longitude at 27.7 N is that × cos 27.7° = 98,451 m. So:
/// P1 0.008° north = 889.6 m (inside 1,000 m), P2 0.009° north = 1,000.8 m (just outside),
/// P3 0.010° east = 984.5 m (inside), P4 0.012° east = 1,181.4 m (outside).
/// </summary>
public sealed class ServiceCircleCalculatorTests
{
    private static readonly ServiceSite Site = new("s1", "Center", ServiceSiteKind.Center, new GeoPoint(27.7, 121.1));

    private static readonly IReadOnlyList<PlacedPoint> Points =
    [
        Placed("p1", 27.708, 121.100, 100, "east"),
        Placed("p2", 27.709, 121.100, 50, "east"),
        Placed("p3", 27.700, 121.110, 30, "west"),
        Placed("p4", 27.700, 121.112, 20, "west"),
    ];

    [Fact]
    public void GreatCircleDistanceMatchesTheHandCalculation()
    {
        Assert.Equal(111_195.08, GeoDistance.Meters(new GeoPoint(0, 0), new GeoPoint(1, 0)), 0.01);
        Assert.Equal(1_000.76, GeoDistance.Meters(Site.Location, new GeoPoint(27.709, 121.1)), 0.01);
        Assert.Equal(984.5, GeoDistance.Meters(Site.Location, new GeoPoint(27.7, 121.11)), 0.1);
    }

    [Fact]
    public void PointsWithinWalkingDistanceAreCoveredPerAreaAndByHouseholds()
    {
        var report = ServiceCircleCalculator.Compute(Points, [Site], 1000);

        Assert.Equal(new CoverageTotals(4, 2, 200, 130), report.Totals);
        Assert.Equal(0.65, report.Totals.HouseholdShare, 9);
        Assert.Equal(
            [new AreaCoverage("east", "east town", new CoverageTotals(2, 1, 150, 100)), new AreaCoverage("west", "west town", new CoverageTotals(2, 1, 50, 30))],
            report.Areas);
        Assert.Equal(["p2", "p4"], report.Uncovered.Select(u => u.Id));
        Assert.Equal("s1", report.Uncovered[0].NearestSiteId);
        Assert.Equal(1000.8, report.Uncovered[0].NearestSiteMeters);
        Assert.Equal(1181.4, report.Uncovered[1].NearestSiteMeters);
    }

    [Fact]
    public void LongerWalkingDistanceCoversEveryPoint()
    {
        var report = ServiceCircleCalculator.Compute(Points, [Site], 1200);

        Assert.Equal(200, report.Totals.CoveredHouseholds);
        Assert.Empty(report.Uncovered);
    }

    [Fact]
    public void ProposedSiteAddsOnlyThePointsItNewlyCovers()
    {
        var proposed = new ServiceSite("new", "Proposed", ServiceSiteKind.Proposed, new GeoPoint(27.710, 121.100));

        var proposal = ServiceCircleCalculator.Propose(Points, [Site], proposed, 1000);

        Assert.Equal(["p2"], proposal.NewlyCovered.Select(p => p.Id));
        Assert.Equal(50, proposal.AddedHouseholds);
        Assert.Equal(1, proposal.AddedPoints);
        Assert.Equal(130, proposal.Before.CoveredHouseholds);
        Assert.Equal(180, proposal.After.CoveredHouseholds);
        Assert.Equal(new CoverageTotals(2, 2, 150, 150), proposal.AreasAfter.Single(a => a.AreaId == "east").Totals);
    }

    [Fact]
    public void WithoutSitesNothingIsCoveredAndNoNearestSiteIsNamed()
    {
        var report = ServiceCircleCalculator.Compute(Points, [], 1000);

        Assert.Equal(0, report.Totals.CoveredPoints);
        Assert.All(report.Uncovered, u => Assert.Null(u.NearestSiteId));
    }

    [Fact]
    public void HamletsGoToTheNearestStreetOrTownAndGridPointsToTheirGridsCenter()
    {
        var points = new[]
        {
            new ResidentialPoint("in-grid", "g1", new GeoPoint(27.70, 121.10), 10),
            new ResidentialPoint("hamlet", null, new GeoPoint(27.80, 121.30), 20),
        };

        var byCenter = ResidentialAssignment.ByCenter(
            points,
            new Dictionary<string, string> { ["g1"] = "village-1" },
            [("town-near", new GeoPoint(27.79, 121.29)), ("town-far", new GeoPoint(27.60, 121.00))]);

        Assert.Equal("in-grid", Assert.Single(byCenter["village-1"]).Id);
        Assert.Equal("hamlet", Assert.Single(byCenter["town-near"]).Id);
        Assert.False(byCenter.ContainsKey("town-far"));
    }

    private static PlacedPoint Placed(string id, double lat, double lon, int households, string area) =>
        new(new ResidentialPoint(id, null, new GeoPoint(lat, lon), households), "c-" + area, area, area + " town");
}
