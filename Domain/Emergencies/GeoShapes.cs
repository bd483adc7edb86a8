using Lianxin.Common;

namespace Lianxin.Emergencies;

/// <summary>
/// Whether a drawn shape meets a grid's boundary. Computed on the plane of longitude and latitude (circles in a
/// local metric projection around their center), which is exact enough at the scale of a district.
/// </summary>
public static class GeoShapes
{
    /// <summary>Meters per degree of latitude; a degree of longitude is this times cos(latitude).</summary>
    private const double MetersPerDegree = 111_320;

    /// <summary>A circle larger than this is not a local emergency.</summary>
    public const double MaxRadiusMeters = 100_000;

    /// <summary>Null when the circle is usable; otherwise why not.</summary>
    public static string? CheckCircle(GeoCircle circle)
    {
        if (!circle.Center.IsValid)
        {
            return $"Center ({circle.Center.Latitude}, {circle.Center.Longitude}) is not a WGS84 position.";
        }

        return circle.RadiusMeters is > 0 and <= MaxRadiusMeters && double.IsFinite(circle.RadiusMeters)
            ? null
            : $"The radius must be more than 0 and at most {MaxRadiusMeters} meters.";
    }

    /// <summary>True when the two polygons overlap, touch, or one holds the other.</summary>
    public static bool Intersects(GeoPolygon a, GeoPolygon b)
    {
        if (a.Ring.Any(p => GeoRules.Contains(b, p)) || b.Ring.Any(p => GeoRules.Contains(a, p)))
        {
            return true;
        }

        for (var i = 0; i + 1 < a.Ring.Count; i++)
        {
            for (var j = 0; j + 1 < b.Ring.Count; j++)
            {
                if (SegmentsCross(a.Ring[i], a.Ring[i + 1], b.Ring[j], b.Ring[j + 1]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the circle and the polygon share any point.</summary>
    public static bool Intersects(GeoPolygon polygon, GeoCircle circle)
    {
        if (GeoRules.Contains(polygon, circle.Center))
        {
            return true;
        }

        var ring = polygon.Ring;
        for (var i = 0; i + 1 < ring.Count; i++)
        {
            if (DistanceToSegmentMeters(circle.Center, ring[i], ring[i + 1]) <= circle.RadiusMeters)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the point lies inside the circle.</summary>
    public static bool Contains(GeoCircle circle, GeoPoint point)
    {
        var (x, y) = Project(circle.Center, point);
        return Math.Sqrt((x * x) + (y * y)) <= circle.RadiusMeters;
    }

    private static double DistanceToSegmentMeters(GeoPoint origin, GeoPoint a, GeoPoint b)
    {
        var (ax, ay) = Project(origin, a);
        var (bx, by) = Project(origin, b);
        var (dx, dy) = (bx - ax, by - ay);
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp(-((ax * dx) + (ay * dy)) / lengthSquared, 0, 1);
        var (px, py) = (ax + (t * dx), ay + (t * dy));
        return Math.Sqrt((px * px) + (py * py));
    }

    private static (double X, double Y) Project(GeoPoint origin, GeoPoint p) =>
        ((p.Longitude - origin.Longitude) * MetersPerDegree * Math.Cos(origin.Latitude * Math.PI / 180),
         (p.Latitude - origin.Latitude) * MetersPerDegree);

    private static bool SegmentsCross(GeoPoint p1, GeoPoint p2, GeoPoint q1, GeoPoint q2)
    {
        var d1 = Cross(q1, q2, p1);
        var d2 = Cross(q1, q2, p2);
        var d3 = Cross(p1, p2, q1);
        var d4 = Cross(p1, p2, q2);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }

    private static double Cross(GeoPoint a, GeoPoint b, GeoPoint c) =>
        ((b.Longitude - a.Longitude) * (c.Latitude - a.Latitude)) - ((b.Latitude - a.Latitude) * (c.Longitude - a.Longitude));
}
