using Lianxin.Common;

namespace Lianxin.Governance;

/// <summary>
/// Where a district lies, for judging proposed sites: the convex hull of its sites and residential points, widened by
/// the walking distance (a point just off the outermost hamlet still serves it). A point beyond both is outside the
/// district and makes no sense as a site. Pure; the hull is taken in longitude/latitude, which is exact enough at a
/// district's size.
/// </summary>
public sealed class DistrictExtent
{
    private readonly IReadOnlyList<GeoPoint> _anchors;
    private readonly IReadOnlyList<GeoPoint> _hull;
    private readonly double _toleranceMeters;

    public DistrictExtent(IEnumerable<GeoPoint> anchors, double toleranceMeters)
    {
        _anchors = [.. anchors.Where(a => a.IsValid)];
        _hull = ConvexHull(_anchors);
        _toleranceMeters = toleranceMeters;
    }

    /// <summary>The hull's corners, counter-clockwise (longitude east, latitude north).</summary>
    public IReadOnlyList<GeoPoint> Hull => _hull;

    /// <summary>The smallest latitude/longitude box around the hull; null when the district has no place at all.</summary>
    public (GeoPoint SouthWest, GeoPoint NorthEast)? Bounds => _hull.Count == 0
        ? null
        : (new GeoPoint(_hull.Min(p => p.Latitude), _hull.Min(p => p.Longitude)), new GeoPoint(_hull.Max(p => p.Latitude), _hull.Max(p => p.Longitude)));

    /// <summary>True inside the hull, or within the walking distance of any site or residential point.</summary>
    public bool Contains(GeoPoint point) =>
        InsideHull(point) || _anchors.Any(a => GeoDistance.Meters(a, point) <= _toleranceMeters);

    /// <summary>True inside the hull (or on its edge) only.</summary>
    public bool InsideHull(GeoPoint point)
    {
        if (_hull.Count < 3)
        {
            return false;
        }

        for (var i = 0; i < _hull.Count; i++)
        {
            if (Cross(_hull[i], _hull[(i + 1) % _hull.Count], point) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Andrew's monotone chain: the hull counter-clockwise, without collinear corners.</summary>
    private static List<GeoPoint> ConvexHull(IReadOnlyList<GeoPoint> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.Longitude).ThenBy(p => p.Latitude).ToList();
        if (sorted.Count < 3)
        {
            return sorted;
        }

        var hull = new List<GeoPoint>(sorted.Count * 2);
        foreach (var pass in new[] { sorted, Enumerable.Reverse(sorted).ToList() })
        {
            var start = hull.Count;
            foreach (var p in pass)
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }

                hull.Add(p);
            }

            hull.RemoveAt(hull.Count - 1);
        }

        return hull;
    }

    private static double Cross(GeoPoint o, GeoPoint a, GeoPoint b) =>
        ((a.Longitude - o.Longitude) * (b.Latitude - o.Latitude)) - ((a.Latitude - o.Latitude) * (b.Longitude - o.Longitude));
}
