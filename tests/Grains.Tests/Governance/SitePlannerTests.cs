using Lianxin.Common;
using Lianxin.Governance;
using Xunit;

namespace Lianxin.Grains.Tests.Governance;

/// <summary>
/// Greedy best sites on a hand-checked layout: one existing site at 27.7 N 121.1 E covers a hamlet beside it; three
/// uncovered clusters lie about 5.5 km north (A, 300 households over two points), east (B, 200) and south (C, 120).
/// A degree of latitude is 111,195 m, so 0.05° is 5.56 km: far beyond the 1,000 m walk.
/// </summary>
public sealed class SitePlannerTests
{
    private static readonly ServiceSite Existing = new("s1", "Center", ServiceSiteKind.Center, new GeoPoint(27.7, 121.1));

    private static readonly IReadOnlyList<PlacedPoint> Points =
    [
        Placed("near", 27.701, 121.1, 500),
        Placed("a1", 27.75, 121.1, 200),
        Placed("a2", 27.752, 121.1, 100),
        Placed("b1", 27.7, 121.16, 200),
        Placed("c1", 27.65, 121.1, 120),
    ];

    private static readonly GeoPoint AtA = new(27.751, 121.1);
    private static readonly GeoPoint AtB = new(27.7, 121.16);
    private static readonly GeoPoint AtC = new(27.65, 121.1);
    private static readonly GeoPoint NowhereNear = new(27.8, 121.3);

    [Fact]
    public void PicksTheCandidatesThatAddTheMostUncoveredHouseholdsInOrder()
    {
        var plan = SitePlanner.Plan(Points, [Existing], [AtC, NowhereNear, AtB, AtA], 2, 1000);

        Assert.Equal([AtA, AtB], plan.Sites.Select(s => s.Location));
        Assert.Equal([300, 200], plan.Sites.Select(s => s.AddedHouseholds));
        Assert.Equal(["a1", "a2"], plan.Sites[0].NewlyCoveredPointIds);
        Assert.Equal(new CoverageTotals(5, 1, 1120, 500), plan.Before);
        Assert.Equal(new CoverageTotals(5, 4, 1120, 1000), plan.After);
        Assert.Equal(plan.After, plan.Sites[^1].After);
    }

    [Fact]
    public void ACandidateAddsOnlyWhatEarlierPicksLeftUncovered()
    {
        var alsoA = new GeoPoint(27.7515, 121.1);

        var plan = SitePlanner.Plan(Points, [Existing], [AtA, alsoA, AtC], 3, 1000);

        Assert.Equal([AtA, AtC], plan.Sites.Select(s => s.Location));
        Assert.Equal([300, 120], plan.Sites.Select(s => s.AddedHouseholds));
    }

    [Fact]
    public void TheGridOverTheDistrictStaysInsideItAndFindsTheSameBestSite()
    {
        var district = new DistrictExtent(Points.Select(p => p.Point.Location).Append(Existing.Location), 1000);

        var grid = SitePlanner.GridOver(district, 500);
        var plan = SitePlanner.Plan(Points, [Existing], grid, 1, 1000);

        Assert.NotEmpty(grid);
        Assert.All(grid, c => Assert.True(district.InsideHull(c)));
        Assert.Equal(300, plan.Sites.Single().AddedHouseholds);
        Assert.False(district.Contains(new GeoPoint(31.23, 121.47)));
        Assert.True(district.Contains(new GeoPoint(27.7, 121.1)));
        Assert.True(district.Contains(new GeoPoint(27.757, 121.1)));
    }

    private static PlacedPoint Placed(string id, double lat, double lon, int households) =>
        new(new ResidentialPoint(id, null, new GeoPoint(lat, lon), households), "c", "area", "Area");
}
