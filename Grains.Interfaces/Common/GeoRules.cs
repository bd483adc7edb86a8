namespace Lianxin.Common;

/// <summary>Geometry rules shared by the registry, targeting and coverage.</summary>
public static class GeoRules
{
    /// <summary>A closed ring needs three distinct corners plus the closing point.</summary>
    public const int MinRingPoints = 4;

    /// <summary>Null when the ring is a valid closed polygon; otherwise why it is not.</summary>
    public static string? CheckRing(IReadOnlyList<GeoPoint> ring)
    {
        if (ring.Count < MinRingPoints)
        {
            return $"A polygon needs at least {MinRingPoints} points (first = last); got {ring.Count}.";
        }

        if (ring.FirstOrDefault(p => !p.IsValid) is { } bad)
        {
            return $"Point ({bad.Latitude}, {bad.Longitude}) is not a WGS84 position.";
        }

        return ring[0] == ring[^1] ? null : "The polygon is not closed: its first point must equal its last.";
    }

    /// <summary>Even-odd rule on the plane of longitude and latitude; fine at the scale of a grid.</summary>
    public static bool Contains(GeoPolygon polygon, GeoPoint point)
    {
        var ring = polygon.Ring;
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (a, b) = (ring[i], ring[j]);
            if ((a.Latitude > point.Latitude) != (b.Latitude > point.Latitude)
                && point.Longitude < ((b.Longitude - a.Longitude) * (point.Latitude - a.Latitude) / (b.Latitude - a.Latitude)) + a.Longitude)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
