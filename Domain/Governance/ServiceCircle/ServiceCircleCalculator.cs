namespace Lianxin.Governance;

/// <summary>
/// The 15-minute service circle (15分钟服务圈): which residential points lie within walking distance of a center,
/// station or kiosk, measured as great-circle distance. Pure.
/// </summary>
public static class ServiceCircleCalculator
{
    /// <summary>The default walking distance: GB 50180-2018 puts a 15-minute walk at about 800–1,100 m.</summary>
    public const double DefaultWalkingDistanceMeters = 1000;

    public const string DistanceMethod = "great-circle (haversine) distance from the residential point to the site; street routes are longer";

    public static CoverageReport Compute(IReadOnlyList<PlacedPoint> points, IReadOnlyList<ServiceSite> sites, double walkingDistanceMeters)
    {
        var index = new SiteIndex(sites);
        var covered = points.Select(p => index.AnyWithin(p.Point.Location, walkingDistanceMeters)).ToList();
        var uncovered = points
            .Where((_, i) => !covered[i])
            .Select(p => Uncovered(p, index))
            .OrderByDescending(u => u.Households)
            .ThenBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
        return new CoverageReport(walkingDistanceMeters, DistanceMethod, sites.Count, Totals(points, covered), Areas(points, covered), uncovered);
    }

    /// <summary>What adding one site would change: the points it newly covers and the totals after.</summary>
    public static SiteProposal Propose(IReadOnlyList<PlacedPoint> points, IReadOnlyList<ServiceSite> sites, ServiceSite proposed, double walkingDistanceMeters)
    {
        var before = new SiteIndex(sites);
        var added = new SiteIndex([proposed]);
        var coveredBefore = points.Select(p => before.AnyWithin(p.Point.Location, walkingDistanceMeters)).ToList();
        var newly = points.Select((p, i) => !coveredBefore[i] && added.AnyWithin(p.Point.Location, walkingDistanceMeters)).ToList();
        var coveredAfter = coveredBefore.Select((c, i) => c || newly[i]).ToList();
        return new SiteProposal(
            proposed.Location,
            walkingDistanceMeters,
            Totals(points, coveredBefore),
            Totals(points, coveredAfter),
            Areas(points, coveredAfter),
            [.. points.Where((_, i) => newly[i]).Select(p => Uncovered(p, added)).OrderByDescending(u => u.Households).ThenBy(u => u.Id, StringComparer.Ordinal)]);
    }

    private static CoverageTotals Totals(IReadOnlyList<PlacedPoint> points, IReadOnlyList<bool> covered)
    {
        var totals = CoverageTotals.Empty;
        for (var i = 0; i < points.Count; i++)
        {
            totals = totals.Add(points[i].Point, covered[i]);
        }

        return totals;
    }

    private static List<AreaCoverage> Areas(IReadOnlyList<PlacedPoint> points, IReadOnlyList<bool> covered)
    {
        var areas = new Dictionary<string, AreaCoverage>(StringComparer.Ordinal);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var area = areas.GetValueOrDefault(p.AreaId) ?? new AreaCoverage(p.AreaId, p.AreaName, CoverageTotals.Empty);
            areas[p.AreaId] = area with { Totals = area.Totals.Add(p.Point, covered[i]) };
        }

        return [.. areas.Values.OrderBy(a => a.AreaId, StringComparer.Ordinal)];
    }

    private static UncoveredPoint Uncovered(PlacedPoint p, SiteIndex index)
    {
        var nearest = index.Nearest(p.Point.Location);
        return new UncoveredPoint(
            p.Point.Id, p.Point.GridId, p.CenterId, p.AreaId, p.Point.Location, p.Point.Households,
            nearest?.Site.Id, nearest is { } n ? Math.Round(n.Meters, 1) : null);
    }
}
