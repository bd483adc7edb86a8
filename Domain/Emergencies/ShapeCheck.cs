using Lianxin.Common;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Lianxin.Emergencies;

/// <summary>
/// Whether a drawn polygon can target anyone: a valid, simple ring enclosing a non-empty area (checked with
/// NetTopologySuite on the longitude/latitude plane). A self-crossing ring has no inside to speak of, and a ring of
/// zero area reaches nobody by its own definition; both would go out in the CAP area too.
/// </summary>
public static class ShapeCheck
{
    private const double MetersPerDegree = 111_320;

    /// <summary>Smaller than any place people could be in.</summary>
    private const double MinAreaSquareMeters = 1;

    private static readonly GeometryFactory Factory = new();

    /// <summary>Null when the polygon is usable; otherwise the reason, for a 400 answer.</summary>
    public static string? Check(GeoPolygon polygon)
    {
        if (polygon.Ring.Count < 4)
        {
            return "A polygon needs at least 4 positions, the first repeated as the last.";
        }

        if (polygon.Ring[0] != polygon.Ring[^1])
        {
            return "The first position must be repeated as the last.";
        }

        if (polygon.Ring.Any(p => !p.IsValid))
        {
            return "Every position must be a WGS84 longitude and latitude.";
        }

        var geometry = ToGeometry(polygon);
        var problem = new IsValidOp(geometry).ValidationError;
        if (problem is not null)
        {
            return $"The polygon is not valid: {Describe(problem.ErrorType)} near ({problem.Coordinate?.Y:0.######}, {problem.Coordinate?.X:0.######}).";
        }

        if (!geometry.IsSimple)
        {
            return "The polygon's boundary crosses or touches itself.";
        }

        // Degrees² to m² near the polygon: a ring of nearly collinear points has a floating-point area, not a real one.
        var squareMeters = geometry.Area * MetersPerDegree * MetersPerDegree * Math.Cos(geometry.Centroid.Y * Math.PI / 180);
        return squareMeters >= MinAreaSquareMeters ? null : $"The polygon encloses no area (less than {MinAreaSquareMeters} m²).";
    }

    /// <summary>The polygon on the longitude (x) / latitude (y) plane.</summary>
    public static Polygon ToGeometry(GeoPolygon polygon) =>
        Factory.CreatePolygon([.. polygon.Ring.Select(p => new Coordinate(p.Longitude, p.Latitude))]);

    private static string Describe(TopologyValidationErrors error) => error switch
    {
        TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection => "its boundary crosses itself",
        TopologyValidationErrors.RingNotClosed => "the first position is not repeated as the last",
        TopologyValidationErrors.TooFewPoints => "too few distinct positions",
        TopologyValidationErrors.InvalidCoordinate => "a position is not a number",
        _ => error.ToString(),
    };
}
